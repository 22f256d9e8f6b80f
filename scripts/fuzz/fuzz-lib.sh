# Shared by run-all and run-one (sourced, not run). Builds the fuzzer, seeds each target's corpus, runs a target.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="$root/.build-fuzz"
fuzzer="$scratch/debug/ArbiterFuzzer"
targets=(slide deflate zip tar csv points nifti metaimage png geojson asap wkt spec multipart form fields image reads)

# The sanitizer build of the fuzz package (and the main package's Geometry, Imaging, Scoring, Challenge through it).
build_fuzzer() {
  [ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$here/Package.resolved"
  swift build --package-path "$here" --scratch-path "$scratch" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
}

# Fixture files up to 120 KB whose names match the find(1) tests given.
# Saved reproducers (Fixtures/bad/fuzz-*) are left out: run_target replays them separately.
fixtures() {
  find "$root/Fixtures" -type f -size -120001c ! -name 'fuzz-*' \( "$@" \) 2>/dev/null
}

# Every seed file of a target: Fixtures/ (Fixtures/bad/ included) by file name and the hand-made seeds in
# scripts/fuzz/seeds/<target>/.
seed_files() {
  case "$1" in
    slide) fixtures -name '*.tif' -o -name '*.tiff' -o -name '*.svs' ;;
    deflate) fixtures -name '*.gz' -o -name '*.tgz' -o -name '*.zraw' -o -name '*.zlib' ;;
    zip) fixtures -name '*.zip' ;;
    tar) fixtures -name '*.tar' -o -name '*.tar.gz' -o -name '*.tgz' ;;
    csv) fixtures -name '*.csv' ;;
    points) find "$root/Fixtures/lesions/froc/predictions" "$root/Fixtures/camelyon-demo/predictions" -name '*.csv'
            fixtures -path '*/bad/*' -name '*.csv' ;;
    nifti) fixtures -name '*.nii' -o -name '*.nii.gz' -o -name '*.hdr' ;;
    metaimage) fixtures -name '*.mha' -o -name '*.mhd' ;;
    png) fixtures -name '*.png' ;;
    geojson) fixtures -name '*.geojson' ;;
    asap) fixtures -name '*.xml' ;;
    wkt) fixtures -name '*wkt*' ;;  # CSVs of WKT cells: seed_corpus splits them into one polygon per file
    spec) ls "$root"/Challenges/*/challenge.yaml "$root"/Challenges/*/study.yaml; fixtures -name '*.yaml' -o -name '*.yml' ;;
    multipart|form|fields) ;;
    image) fixtures -path '*/bad/image-*' -o -path '*/images/*' ;;
    reads) fixtures -path '*/oracles/agreement/*.csv' -o -name 'reads*.csv' ;;
  esac
  [ -d "$here/seeds/$1" ] && find "$here/seeds/$1" -type f
  true
}

# Reproducers saved from earlier findings: Fixtures/bad/fuzz-<target>-*.
known_reproducers() {
  find "$root/Fixtures/bad" -maxdepth 1 -type f -name "fuzz-$1-*" 2>/dev/null | sort
}

# Replays each saved reproducer of a target once; prints how many still fail, of how many.
replay_known() {
  local target="$1" file failing=0 total=0
  while IFS= read -r file; do
    total=$((total + 1))
    SWIFT_BACKTRACE=enable=no ARBITER_FUZZ_TARGET="$target" "$fuzzer" -rss_limit_mb=2048 -timeout=20 "$file" \
      > "$scratch/logs/$target.known-$(basename "$file").log" 2>&1 || failing=$((failing + 1))
  done < <(known_reproducers "$target")
  echo "$failing/$total"
}

# Longest input libFuzzer makes: text formats stay short (a debug ASan build parses about 1 MB/s, and a parser's
# bugs rarely need more), binary ones may reach the 120 KB of the largest seeds.
max_len() {
  case "$1" in
    fields) echo 1024 ;;
    csv|points|geojson|asap|wkt|spec|multipart|form|reads) echo 16384 ;;
    *) echo 120000 ;;
  esac
}

# Extra libFuzzer flags of a target. asap: FoundationXML leaks a little on every malformed document (lsan.supp), and
# a leak makes libFuzzer scan the whole heap after that input, which slows the target about 30 times: leaks are
# not looked for there.
target_flags() {
  case "$1" in
    asap) echo "-detect_leaks=0" ;;
  esac
  true
}

# Copies the seeds into .build-fuzz/corpus/<target>, named by content hash, keeping what earlier runs found.
seed_corpus() {
  local target="$1" corpus="$scratch/corpus/$1" file cell
  mkdir -p "$corpus"
  while IFS= read -r file; do
    [ -f "$file" ] || continue
    if [ "$target" = wkt ] && [[ "$file" == *.csv ]]; then
      sed -n 's/^[^,]*,"\(.*\)"\r\{0,1\}$/\1/p' "$file" | while IFS= read -r cell; do
        printf '%s' "$cell" > "$corpus/wkt-$(printf '%s' "$cell" | sha1sum | cut -c1-40)"
      done
    else
      cp "$file" "$corpus/$(sha1sum < "$file" | cut -c1-40)"
    fi
  done < <(seed_files "$target")
  while IFS= read -r file; do  # a saved reproducer is replayed on its own, never fuzzed from
    rm -f "$corpus/$(sha1sum < "$file" | cut -c1-40)"
  done < <(known_reproducers "$target")
  echo "$corpus"
}

# LeakSanitizer reads lsan.supp (leaks in the toolchain's Foundation, not in Arbiter).
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# ARBITER_FUZZ_FORK=1 keeps fuzzing past findings (libFuzzer's fork mode, crashes, timeouts and OOMs ignored but
# saved), to see more than the first finding of a target; the default stops at the first, as CI wants.
fork_flags() {
  [ "${ARBITER_FUZZ_FORK:-0}" = 1 ] && echo "-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
  true
}

# Swift's own backtracer is turned off (SWIFT_BACKTRACE=enable=no) so a trap reaches libFuzzer's deadly-signal
# handler, which saves the input and prints a symbolised stack, instead of racing AddressSanitizer.
# Runs one target for $2 seconds with any extra libFuzzer flags; writes its log to .build-fuzz/logs/<target>.log,
# findings to scripts/fuzz/findings/<target>/, and prints the summary line. Fails if libFuzzer did, if it saved a
# finding (fork mode), or if a saved reproducer still fails.
run_target() {
  local target="$1" seconds="$2"
  shift 2
  local corpus findings="$here/findings/$target" log="$scratch/logs/$target.log" marker status=0 started ended
  local known found
  corpus="$(seed_corpus "$target")"
  mkdir -p "$findings" "$scratch/logs"
  known="$(replay_known "$target")"
  marker="$(mktemp)"
  started=$(date +%s)
  # shellcheck disable=SC2046  # fork_flags and target_flags are lists of words
  SWIFT_BACKTRACE=enable=no ARBITER_FUZZ_TARGET="$target" "$fuzzer" "$corpus" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 -max_len="$(max_len "$target")" \
    -artifact_prefix="$findings/" $(fork_flags) $(target_flags "$target") "$@" > "$log" 2>&1 || status=$?
  ended=$(date +%s)
  found=$(find "$findings" -maxdepth 1 -type f -newer "$marker" \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  rm -f "$marker"
  summarise "$target" "$log" $((ended - started)) "$status" "$found" "$known"
  [ "$status" = 0 ] && [ "$found" = 0 ] && [ "${known%%/*}" = 0 ]
}

# One line: executions, coverage (cov, ft) from libFuzzer's last status line, seconds, new findings, saved
# reproducers still failing (of all saved), and for a failure what and where (the first frame in Sources/).
summarise() {
  local target="$1" log="$2" seconds="$3" status="$4" found="$5" known="$6" execs cov ft outcome what where
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  outcome=ok
  if [ "$status" != 0 ] || [ "$found" != 0 ]; then
    for pattern in 'Swift runtime failure: [a-zA-Z ]*' 'Fatal error: .*' 'ERROR: [A-Za-z]*Sanitizer: [a-zA-Z-]*' \
                   'ERROR: libFuzzer: [a-z -]*'; do
      what=$(grep -m1 -o "$pattern" "$log" | head -1)
      [ -z "$what" ] || break
    done
    where=$(sed -n '/ERROR: \|Fatal error: /,$p' "$log" | grep -m1 -o "$root/Sources/[^ ]*" | sed "s|$root/||")
    outcome="FAILED (exit $status) ${what:-see log}${where:+ at $where}; log .build-fuzz/logs/$target.log"
  fi
  printf '%-10s execs %9s  cov %6s  ft %6s  %4ss  findings %2s  known %5s  %s\n' \
    "$target" "${execs:--}" "${cov:--}" "${ft:--}" "$seconds" "$found" "$known" "$outcome"
}
