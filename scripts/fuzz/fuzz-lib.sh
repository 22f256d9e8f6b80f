# Shared by run-all and run-one (sourced, not run). Builds the fuzzer, seeds each target's corpus, runs a target.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="$root/.build-fuzz"
fuzzer="$scratch/debug/ArbiterFuzzer"
targets=(slide deflate zip tar csv points nifti metaimage png geojson asap wkt spec multipart)

# The sanitizer build of the fuzz package (and the main package's Geometry, Imaging, Scoring, Challenge through it).
build_fuzzer() {
  [ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$here/Package.resolved"
  swift build --package-path "$here" --scratch-path "$scratch" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
}

# Fixture files up to 120 KB whose names match the find(1) tests given.
fixtures() {
  find "$root/Fixtures" -type f -size -120001c \( "$@" \) 2>/dev/null
}

# Every seed file of a target: Fixtures/ (Fixtures/bad/ included) by file name, the hand-made seeds in
# scripts/fuzz/seeds/<target>/, and reproducers saved as Fixtures/bad/fuzz-<target>-*.
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
    spec) ls "$root"/Challenges/*/challenge.yaml; fixtures -name '*.yaml' -o -name '*.yml' ;;
    multipart) ;;
  esac
  [ -d "$here/seeds/$1" ] && find "$here/seeds/$1" -type f
  ls "$root"/Fixtures/bad/fuzz-"$1"-* 2>/dev/null || true
}

# Copies the seeds into .build-fuzz/corpus/<target>, named by content hash, keeping what earlier runs found.
seed_corpus() {
  local target="$1" corpus="$scratch/corpus/$1" file
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
  echo "$corpus"
}

# Swift's own backtracer is turned off (SWIFT_BACKTRACE=enable=no) so a trap reaches libFuzzer's deadly-signal
# handler, which saves the input and prints a symbolised stack, instead of racing AddressSanitizer.
# Runs one target for $2 seconds with any extra libFuzzer flags; writes its log to .build-fuzz/logs/<target>.log,
# findings to scripts/fuzz/findings/<target>/, and prints the summary line. Returns libFuzzer's exit status.
run_target() {
  local target="$1" seconds="$2"
  shift 2
  local corpus findings="$here/findings/$target" log="$scratch/logs/$target.log" marker status=0 started ended
  corpus="$(seed_corpus "$target")"
  mkdir -p "$findings" "$scratch/logs"
  marker="$(mktemp)"
  started=$(date +%s)
  SWIFT_BACKTRACE=enable=no ARBITER_FUZZ_TARGET="$target" "$fuzzer" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 -artifact_prefix="$findings/" "$@" > "$log" 2>&1 || status=$?
  ended=$(date +%s)
  summarise "$target" "$log" "$findings" "$marker" $((ended - started)) "$status"
  rm -f "$marker"
  return "$status"
}

# One line: executions, coverage (cov, ft) from libFuzzer's last status line, seconds, new findings, outcome.
summarise() {
  local target="$1" log="$2" findings="$3" marker="$4" seconds="$5" status="$6" execs cov ft found outcome
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  found=$(find "$findings" -maxdepth 1 -type f -newer "$marker" \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  case "$status" in
    0) outcome=ok ;;
    *) outcome="FAILED (exit $status: $(grep -m1 -o 'ERROR: [A-Za-z]*: [^ ]*\|ERROR: libFuzzer: [a-z-]*\|Fatal error: .*\|ERROR: [A-Za-z]*Sanitizer: [a-z-]*' "$log" | head -1); see $log)" ;;
  esac
  printf '%-10s execs %9s  cov %6s  ft %6s  %4ss  findings %2s  %s\n' \
    "$target" "${execs:--}" "${cov:--}" "${ft:--}" "$seconds" "$found" "$outcome"
}
