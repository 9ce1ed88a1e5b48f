#!/usr/bin/env bash
# Install Debian packages the hub needs (chromium for browser tests, nodejs/npm, python3-venv).
set -euo pipefail
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "$@"
