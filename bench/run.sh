#!/usr/bin/env bash
# bench/run.sh: tsdraft against docxtemplater and against the floor, on one bilingual
# exit-pledge-like template, A/B alternated; then memory at N=10000, one render's wall time, and
# issue #6's exit pledges. Run from anywhere:
#   bash bench/run.sh [--quick] [--rounds R] [--wait-quiet SECONDS]
# Results: bench/out/results.txt (table and targets), bench/out/raw.tsv (every timed run),
# bench/out/logs/ (each run's output). See bench/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
SELF=$ROOT/bench/run.sh

N_AB=1000      # A/B comparison, floor, exit pledges (issue #2 and #6 targets)
N_BIG=10000    # memory flat in N, issue #6's 10,000 pledges
ROUNDS=5       # A/B rounds at N_AB; the table gives medians
BIG_ROUNDS=2   # rounds at N_BIG
RENDER_RUNS=20 # single `tsdraft render` processes
JOBS=2         # tsdraft -j and the floor's workers
QUICK=0
WAIT_QUIET=0   # seconds to wait for the machine to be quiet before measuring
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) QUICK=1 ;;
	--rounds) ROUNDS="$2"; shift ;;
	--wait-quiet) WAIT_QUIET="$2"; shift ;;
	-h | --help) sed -n '2,7p' "$SELF"; exit 0 ;;
	*) echo "bench/run.sh: unknown argument $1 (try --quick, --rounds R, --wait-quiet SECONDS)" >&2; exit 2 ;;
	esac
	shift
done
if [ "$QUICK" = 1 ]; then
	N_AB=200 N_BIG=2000 ROUNDS=2 BIG_ROUNDS=1 RENDER_RUNS=5
fi
# The outputs of a full run take about 1.5 GB until the end of the run.
NEED_MB=$([ "$QUICK" = 1 ] && echo 400 || echo 3000)
free_mb=$(df -Pm "$ROOT/bench" | awk 'NR == 2 {print $4}')
if [ "${free_mb:-0}" -lt "$NEED_MB" ]; then
	echo "bench/run.sh: $free_mb MB free on the disk of bench/out; the run keeps every output until it ends and needs about $NEED_MB MB" >&2
	exit 1
fi

OUT=$ROOT/bench/out
BIN=$OUT/bin
WORK=$OUT/work
LOGS=$OUT/logs
RAW=$OUT/raw.tsv
# Every timed run writes into a new folder of its own under OUTS, and nothing is deleted until
# all runs are done. On ext4 without a journal (this machine's root file system) the kernel does
# not reuse an inode for 60 s after it was freed (up to 360 s while its inode table block is being
# rewritten) and scans past each such inode, reading its deletion time, for every file created
# in that block group. Deleting one round's 1,000 files before the next made the next program pay
# for them: up to 18 % of tsdraft's CPU time went to recently_deleted (perf). OUTS is marked as
# the top of a directory hierarchy (chattr +T), so ext4 puts each run's folder in a block group
# of its own, as it does for folders under the root, away from the files deleted before the run.
OUTS=$OUT/outputs
rm -rf "$WORK" "$LOGS" "$OUTS"
mkdir -p "$BIN" "$WORK" "$LOGS" "$OUTS"
TOPDIR=no
if chattr +T "$OUTS" 2>/dev/null; then
	TOPDIR=yes
fi
trap 'rm -rf "$OUTS"' EXIT # the outputs take about 1.5 GB; a failed run frees them too

say() { printf '\n== %s\n' "$*" >&2; }

# ---- what the benchmark needs, installed if missing -------------------------------------
APT_UPDATED=0
apt_install() {
	command -v apt-get >/dev/null || { echo "bench/run.sh: $* is missing and there is no apt-get; install it by hand" >&2; return 1; }
	if [ "$APT_UPDATED" = 0 ]; then
		apt-get update -qq >/dev/null && APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
say "checking tools"
command -v go >/dev/null || { echo "bench/run.sh: go is required" >&2; exit 1; }
[ -x /usr/bin/time ] || apt_install time
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
command -v hyperfine >/dev/null || apt_install hyperfine || echo "hyperfine not installable; timing single renders with a loop only" >&2

# Install when bench/node_modules lacks the versions bench/package.json names.
npm_ok=$(cd bench && node -e '
	const deps = require("./package.json").dependencies;
	const ok = Object.keys(deps).every((d) => {
		try { return require("./node_modules/" + d + "/package.json").version === deps[d]; } catch (e) { return false; }
	});
	console.log(ok ? "yes" : "no");' 2>/dev/null || echo no)
if [ "$npm_ok" != yes ]; then
	say "npm install (docxtemplater, pizzip) into bench/node_modules"
	# No lockfile, ever: bench/.npmrc says package-lock=false, and so do the flags.
	(cd bench && npm install --no-package-lock --no-save --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ -e bench/package-lock.json ]; then
	rm -f bench/package-lock.json
	echo "bench/run.sh: removed a bench/package-lock.json that npm wrote (lockfiles are never committed)" >&2
fi

say "building tsdraft and benchtool"
go build -o "$BIN/tsdraft" ./cmd/tsdraft
go build -o "$BIN/benchtool" ./bench/benchtool
go build -o "$BIN/cliprof" ./bench/cliprof || echo "bench/run.sh: cliprof did not build (not needed for the run; see bench/README.md)" >&2
TSDRAFT=$BIN/tsdraft
BENCHTOOL=$BIN/benchtool

# ---- inputs: profile, templates, people --------------------------------------------------
say "profile, templates and people CSVs in bench/out/work"
PROFILE=$WORK/profile.toml
"$TSDRAFT" init --jurisdiction TH -o "$PROFILE" --force >/dev/null
# The bench fields under [vars] (the CSV gives each person their own values).
"$BENCHTOOL" vars -profile "$PROFILE"
"$TSDRAFT" check "$PROFILE" >"$LOGS/check.log" 2>&1 || { cat "$LOGS/check.log" >&2; exit 1; }
"$BENCHTOOL" gen -profile "$PROFILE" -n "$N_AB,$N_BIG" -split "$N_AB" -o "$WORK"
TEMPLATE=$WORK/bench.docx
DT_TEMPLATE=$WORK/bench-dt.docx
PEOPLE=$WORK/people-$N_AB.csv
PEOPLE_BIG=$WORK/people-$N_BIG.csv

HAVE_BATCH=0
if "$TSDRAFT" batch --help 2>/dev/null | grep -q -- '--people'; then
	HAVE_BATCH=1
else
	echo "tsdraft batch is not built yet: the tsdraft figures come from the in-process driver (benchtool drive)" >&2
fi

# ---- measuring -----------------------------------------------------------------------------
: >"$RAW"
meta() { printf '#meta\t%s\t%s\n' "$1" "$2" >>"$RAW"; }
meta date "$(date -u +%Y-%m-%dT%H:%MZ)"
meta machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
meta tsdraft "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes') (go build, $(go env GOVERSION))"
meta docxtemplater "$(node -p "require('$ROOT/bench/node_modules/docxtemplater/package.json').version") with pizzip $(node -p "require('$ROOT/bench/node_modules/pizzip/package.json').version"), node $(node --version)"
meta template "bench/benchtool/template.txt: 3 A4 pages th+ja, 48 tags (38 values + 6 block tags in the body, 4 in header/footer), paragraph loop 10, row loop 8, one conditional section"
meta mode "$([ "$QUICK" = 1 ] && echo quick || echo full): N=$N_AB x $ROUNDS rounds A/B, N=$N_BIG x $BIG_ROUNDS, -j $JOBS"
# CPU pressure (PSI): the share of time runnable work waited for a CPU. On a shared virtual
# machine this, more than the load average, tells whether the figures are the machine's.
pressure() { awk '/^some/ {sub("avg10=", "", $2); sub("avg60=", "", $3); print "waiting for a CPU " $2 "% (10 s), " $3 "% (60 s)"}' /proc/pressure/cpu 2>/dev/null || echo unknown; }
if [ "$WAIT_QUIET" -gt 0 ] && [ -r /proc/pressure/cpu ]; then
	say "waiting up to ${WAIT_QUIET}s for CPU pressure under 5%"
	end=$((SECONDS + WAIT_QUIET))
	while [ "$SECONDS" -lt "$end" ] && awk '/^some/ {sub("avg10=", "", $2); exit !($2 >= 5)}' /proc/pressure/cpu; do
		sleep 5
	done
fi
meta load-start "$(cut -d' ' -f1-3 /proc/loadavg); $(pressure)"
meta outputs "each timed run writes a new folder, none deleted before the last run; folders spread over block groups (chattr +T): $TOPDIR"

# out LABEL N ROUND: the folder one timed run writes into, new for each run.
out() { printf '%s/%s-%s-%s' "$OUTS" "$1" "$2" "$3"; }

# measure LABEL N ROUND OUTDIR CMD...: one timed process (wall from the clock, peak RSS and CPU
# from /usr/bin/time). OUTDIR must not exist yet; it is kept until the end of the bench.
measure() {
	local label=$1 n=$2 round=$3 dir=$4
	shift 4
	local log="$LOGS/$label-$n-$round.log" tf="$LOGS/.time"
	if [ -e "$dir" ]; then
		echo "bench/run.sh: $dir exists; each run needs a new folder" >&2
		exit 1
	fi
	sync
	local t0 t1 status=ok
	t0=$(date +%s%N)
	/usr/bin/time -f '%M %U %S' -o "$tf" "$@" >"$log" 2>&1 || status=failed
	t1=$(date +%s%N)
	local rss user sys
	read -r rss user sys < <(tail -n 1 "$tf")
	local wall cpu
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b-a)/1e9}')
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u+s}')
	if [ "$round" != 0 ]; then # round 0 is the warm-up and text check, not a sample
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$n" "$round" "$wall" "$rss" "$cpu" "$status" >>"$RAW"
	fi
	printf '  %-20s N=%-6s round %s: %8.3f s  %6.0f docs/s  %7.1f MB  %s\n' "$label" "$n" "$round" "$wall" \
		"$(awk -v n="$n" -v w="$wall" 'BEGIN {print n/w}')" "$(awk -v r="$rss" 'BEGIN {print r/1024}')" "$status" >&2
	if [ "$status" != ok ]; then
		echo "  ---- $label failed; the end of $log:" >&2
		tail -n 15 "$log" >&2
	fi
}

tsdraft_template() { # N ROUND CSV
	local d
	d=$(out ts "$1" "$2")
	if [ "$HAVE_BATCH" = 1 ]; then
		measure batch-template "$1" "$2" "$d" "$TSDRAFT" batch "$PROFILE" --people "$3" --template "$TEMPLATE" -o "$d" -j "$JOBS"
	else
		measure drive-template "$1" "$2" "$d" "$BENCHTOOL" drive -profile "$PROFILE" -people "$3" -template "$TEMPLATE" -o "$d" -j "$JOBS"
	fi
}
tsdraft_pledge() { # N ROUND CSV
	local d
	d=$(out ep "$1" "$2")
	if [ "$HAVE_BATCH" = 1 ]; then
		measure batch-exit-pledge "$1" "$2" "$d" "$TSDRAFT" batch "$PROFILE" --people "$3" --doc exit-pledge -o "$d" -j "$JOBS"
	else
		measure drive-exit-pledge "$1" "$2" "$d" "$BENCHTOOL" drive -profile "$PROFILE" -people "$3" -doc exit-pledge -o "$d" -j "$JOBS"
	fi
}
dt() { # N ROUND
	local d
	d=$(out dt "$1" "$2")
	measure docxtemplater "$1" "$2" "$d" node bench/docxtemplater.js "$DT_TEMPLATE" "$WORK/dt-data.json" "$PEOPLE" "$d"
}

# ---- the same document from both engines ---------------------------------------------------
say "checking that both engines write the same text (first, middle and last person)"
tsdraft_template "$N_AB" 0 "$PEOPLE"
dt "$N_AB" 0
for i in 1 $((N_AB / 2)) "$N_AB"; do
	id=$(printf 'E-%05d' "$i")
	a=$(find "$(out ts "$N_AB" 0)" -name "*${id}*.docx" | head -n 1)
	b=$(find "$(out dt "$N_AB" 0)" -name "*${id}*.docx" | head -n 1)
	if [ -z "$a" ] || [ -z "$b" ]; then
		echo "bench/run.sh: no output for $id (tsdraft: '${a}', docxtemplater: '${b}'); see $LOGS" >&2
		exit 1
	fi
	"$BENCHTOOL" compare "$a" "$b" >&2
done

# ---- A/B at N_AB ---------------------------------------------------------------------------
say "A/B at N=$N_AB, $ROUNDS rounds: tsdraft, docxtemplater, docxtemplater x2, driver, floor, exit pledges"
for r in $(seq 1 "$ROUNDS"); do
	tsdraft_template "$N_AB" "$r" "$PEOPLE"
	dt "$N_AB" "$r"
	d=$(out dt2 "$N_AB" "$r")
	measure docxtemplater-x2 "$N_AB" "$r" "$d" bash -c '
		node bench/docxtemplater.js "$1" "$2" "$3" "$5" & a=$!
		node bench/docxtemplater.js "$1" "$2" "$4" "$5" & b=$!
		wait "$a" && wait "$b"' _ "$DT_TEMPLATE" "$WORK/dt-data.json" "$WORK/people-$N_AB-a.csv" "$WORK/people-$N_AB-b.csv" "$d"
	if [ "$HAVE_BATCH" = 1 ]; then # the driver as a second measurement of tsdraft
		d=$(out dr "$N_AB" "$r")
		measure drive-template "$N_AB" "$r" "$d" "$BENCHTOOL" drive -profile "$PROFILE" -people "$PEOPLE" -template "$TEMPLATE" -o "$d" -j "$JOBS"
	fi
	d=$(out fl2 "$N_AB" "$r")
	measure floor-j2 "$N_AB" "$r" "$d" "$BENCHTOOL" floor -template "$TEMPLATE" -n "$N_AB" -o "$d" -j 2
	d=$(out fl1 "$N_AB" "$r")
	measure floor-j1 "$N_AB" "$r" "$d" "$BENCHTOOL" floor -template "$TEMPLATE" -n "$N_AB" -o "$d" -j 1
	tsdraft_pledge "$N_AB" "$r" "$PEOPLE"
done

# ---- memory at N_BIG -----------------------------------------------------------------------
say "N=$N_BIG, $BIG_ROUNDS rounds: peak RSS of the custom template and of exit pledges"
for r in $(seq 1 "$BIG_ROUNDS"); do
	tsdraft_template "$N_BIG" "$r" "$PEOPLE_BIG"
	tsdraft_pledge "$N_BIG" "$r" "$PEOPLE_BIG"
done
if [ "$HAVE_BATCH" = 1 ]; then # the engine's own memory at N_BIG, beside the CLI's
	d=$(out dr "$N_BIG" 1)
	measure drive-template "$N_BIG" 1 "$d" "$BENCHTOOL" drive -profile "$PROFILE" -people "$PEOPLE_BIG" -template "$TEMPLATE" -o "$d" -j "$JOBS"
fi

# ---- one render process ----------------------------------------------------------------------
say "one tsdraft render process, $RENDER_RUNS runs (and tsdraft version, the process start-up alone)"
for r in $(seq 1 "$RENDER_RUNS"); do
	measure render 1 "$r" "$(out render 1 "$r")" "$TSDRAFT" render "$TEMPLATE" "$PROFILE" -o "$WORK/render.docx" --force
	measure version 1 "$r" "$(out version 1 "$r")" "$TSDRAFT" version
done
HF_ARGS=()
if command -v hyperfine >/dev/null; then
	hyperfine -N --style none --warmup 3 --runs "$RENDER_RUNS" --export-json "$OUT/hyperfine-render.json" \
		-n render "$TSDRAFT render $TEMPLATE $PROFILE -o $WORK/render.docx --force" \
		-n version "$TSDRAFT version" >"$LOGS/hyperfine.log" 2>&1 &&
		HF_ARGS=(-hyperfine "$OUT/hyperfine-render.json")
fi
meta load-end "$(cut -d' ' -f1-3 /proc/loadavg); $(pressure)"

say "results"
"$BENCHTOOL" report -raw "$RAW" "${HF_ARGS[@]}" -o "$OUT/results.txt"
echo "(written to bench/out/results.txt; every run in bench/out/raw.tsv)" >&2
