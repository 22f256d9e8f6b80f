#!/bin/sh
# Writes the case-level likelihood but forgets the detection map the phase scores.
echo 0.5 > /output/cspca-case-level-likelihood.json
