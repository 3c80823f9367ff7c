#!/usr/bin/env bash
# npm start: installs what is missing, builds the Wasm module and the page,
# then serves dist/ at http://localhost:${PORT:-8080}/ (HOST=0.0.0.0 to share
# it on the network). Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh module web
port="${PORT:-8080}"
host="${HOST:-localhost}"
echo "corolab: serving the playground at http://${host}:${port}/"
exec npx vite preview --host "$host" --port "$port" --strictPort
