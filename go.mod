module github.com/tsdraft/tsdraft

go 1.26.8

require github.com/spf13/cobra v1.10.2

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db // indirect
	github.com/spf13/pflag v1.0.9 // indirect
)
