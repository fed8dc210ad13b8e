#!/usr/bin/env bash
# Generates the self-signed TLS certificate nginx serves (deploy/nginx/certs/echotune.{crt,key}).
# For a real domain, put a CA-signed certificate (e.g. from Let's Encrypt) in the same two files instead.
#   deploy/gen-cert.sh [output-dir] [hostname]
set -euo pipefail
out="${1:-$(dirname "$0")/nginx/certs}"
host="${2:-localhost}"
command -v openssl >/dev/null || { echo "openssl is needed (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$out"
if [[ -s "$out/echotune.crt" && -s "$out/echotune.key" ]]; then
  echo "Keeping the existing certificate in $out (delete it to make a new one)"
  exit 0
fi
# SANs for the host name, localhost and the loopback address, so browsers and clients that check names accept it
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 825 \
  -keyout "$out/echotune.key" -out "$out/echotune.crt" \
  -subj "/CN=$host/O=EchoTune" \
  -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -addext "extendedKeyUsage=serverAuth" 2>/dev/null
chmod 600 "$out/echotune.key"
echo "Wrote $out/echotune.crt and $out/echotune.key (self-signed, for $host)"
