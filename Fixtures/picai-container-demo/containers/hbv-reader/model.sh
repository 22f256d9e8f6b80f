#!/bin/sh
# Reads the case's hbv volume as its detection map, grand-challenge style: one case per run.
set -e
mkdir -p /output/images/cspca-detection-map
cp /input/images/transverse-hbv-prostate-mri/*.mha /output/images/cspca-detection-map/cspca_detection_map.mha
echo 0.5 > /output/cspca-case-level-likelihood.json
