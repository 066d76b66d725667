// Command cliprof runs tsdraft's own command code (cli.Main, the code the binary runs) in this
// process, -n times, under a CPU profile and optionally a heap profile: where one
// `tsdraft render` or `tsdraft batch` spends its time and memory, start-up work (catalogue,
// profile, template) included. It is apart from benchtool so that benchtool builds and tests
// without the command tree.
//
//	go build -o bench/out/bin/cliprof ./bench/cliprof
//	bench/out/bin/cliprof -n 20 -cpuprofile render.pprof -- render bench.docx profile.toml -o x.docx --force
//	go tool pprof -top -cum bench/out/bin/cliprof render.pprof
package main
