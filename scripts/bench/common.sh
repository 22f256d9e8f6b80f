# Sourced by the benchmark scripts: where their data, reference tools and release binaries come from.
# Every default is inside the repository or the system's temporary folder; each can be overridden:
#   BENCH_DATA       generated benchmark inputs         (default ${TMPDIR:-/tmp}/arbiter-bench-data)
#   BENCH_SCRATCH    SwiftPM scratch path of the build   (default .build)
#   ARBITER_BENCH    an arbiter-bench executable to use instead of building one
#   ARBITER          an arbiter executable to use instead of building one
#   PYTHON_SLIDES    python with scripts/oracles/slide-requirements.txt    (default .venv-slides, made if missing)
#   PYTHON_LESIONS   python with scripts/oracles/lesion-requirements.txt   (default .venv-lesions, made if missing)
#   PYTHON_VOLUMES   python with scripts/oracles/volume-requirements.txt   (default .venv-volumes, made if missing)
bench_data=${BENCH_DATA:-${TMPDIR:-/tmp}/arbiter-bench-data}

# bench_python NAME REQUIREMENTS OVERRIDE: prints the python to use, making .venv-NAME from the pinned file if needed.
bench_python() {
  local name=$1 requirements=$2 override=$3
  if [ -n "$override" ]; then echo "$override"; return; fi
  if [ ! -x ".venv-$name/bin/python" ]; then
    python3 -m venv ".venv-$name" >&2
    ".venv-$name/bin/pip" install --quiet -r "$requirements" >&2
  fi
  echo ".venv-$name/bin/python"
}

# bench_binary PRODUCT OVERRIDE: prints the release executable to use, building it unless OVERRIDE names one.
bench_binary() {
  local product=$1 override=$2 scratch=${BENCH_SCRATCH:-.build}
  if [ -n "$override" ]; then echo "$override"; return; fi
  swift build -c release --scratch-path "$scratch" --product "$product" >&2
  echo "$scratch/release/$product"
}

# bench_slides: prints the folder holding the two 20,480 x 20,480 benchmark slides, making them if missing.
bench_slides() {
  if [ ! -f "$bench_data/benchmark-jpeg.tiff" ] || [ ! -f "$bench_data/benchmark-jp2k.svs" ]; then
    local python
    python=$(bench_python slides scripts/oracles/slide-requirements.txt "${PYTHON_SLIDES:-}")
    command -v opj_compress >/dev/null || { echo "opj_compress is missing: apt-get install -y libopenjp2-tools" >&2; return 1; }
    "$python" scripts/bench/slide-make-benchmark-slides.py --out "$bench_data" >&2
  fi
  echo "$bench_data"
}
