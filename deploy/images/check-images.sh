#!/usr/bin/env bash
# Builds every service's container image with Jib and runs each one, on a machine with no Docker engine and
# no access to the usual base-image registries (as this project's CI machines).
#
#   deploy/images/check-images.sh            # needs root, debootstrap, docker-registry (Debian packages),
#                                            # a Kafka broker on 127.0.0.1:9092 (deploy/run-local.sh --kafka-only)
#
# 1. A base image (Debian bookworm minbase + this machine's OpenJDK 17, user 185) is made with debootstrap
#    and saved as a docker-archive tar.
# 2. A local registry (Debian's docker-registry) listens on 127.0.0.1:5000.
# 3. Each service is built the Quarkus way, -Dquarkus.container-image.build=true with Jib, FROM that tar,
#    and pushed to the registry: no Docker daemon is involved.
# 4. Each image is pulled back from the registry (manifest, config, layers), checked (user 185, the service's
#    port exposed) and run from its own layers (chroot as user 185) until /q/health/ready says UP.
#
# On a machine with Docker or registry access none of this is needed: see deploy/k8s/README.md "Build and
# publish the images".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${CHECK_IMAGES_DIR:-/tmp/seqengine-images}"
REGISTRY=127.0.0.1:5000
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
declare -A PORTS=([enrollment-service]=8080 [exclusion-evaluator]=8081 [step-scheduler]=8082 [mailer-simulator]=8083)
declare -A MODULES=([enrollment-service]=enrollment-service [exclusion-evaluator]=exclusion-evaluator
                    [step-scheduler]=step-scheduler [mailer-simulator]=deploy/mailer-simulator)
SERVICES=("${@:-enrollment-service exclusion-evaluator step-scheduler mailer-simulator}")
read -r -a SERVICES <<<"${SERVICES[*]}"
JDK=/usr/lib/jvm/java-17-openjdk-amd64
mkdir -p "$WORK"

say() { printf '==> %s\n' "$*"; }

if [[ ! -f "$WORK/base.tar" ]]; then
  say "base image: debootstrap bookworm minbase + $JDK"
  rm -rf "$WORK/rootfs" "$WORK/archive"
  debootstrap --variant=minbase bookworm "$WORK/rootfs" http://deb.debian.org/debian >"$WORK/debootstrap.log"
  mkdir -p "$WORK/rootfs/usr/lib/jvm" && cp -rL "$JDK" "$WORK/rootfs$JDK"
  rm -rf "$WORK/rootfs$JDK/jmods" "$WORK/rootfs/var/cache/apt/archives/"*.deb
  mkdir -p "$WORK/archive" && tar -C "$WORK/rootfs" --numeric-owner -cf "$WORK/archive/layer.tar" .
  diff_id="$(sha256sum "$WORK/archive/layer.tar" | cut -d' ' -f1)"
  cat >"$WORK/archive/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"User":"185","Env":["PATH=$JDK/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=$JDK"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
  echo '[{"Config":"config.json","RepoTags":["local/debian-openjdk17:1"],"Layers":["layer.tar"]}]' >"$WORK/archive/manifest.json"
  tar -C "$WORK/archive" -cf "$WORK/base.tar" manifest.json config.json layer.tar
  rm -rf "$WORK/rootfs" "$WORK/archive"
fi

if ! curl -fs "http://$REGISTRY/v2/" >/dev/null; then
  say "registry on $REGISTRY"
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: %s\n' "$WORK" "$REGISTRY" >"$WORK/registry.yml"
  docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
  for _ in $(seq 1 20); do curl -fs "http://$REGISTRY/v2/" >/dev/null && break; sleep 0.5; done
fi

for service in "${SERVICES[@]}"; do
  module="${MODULES[$service]}" port="${PORTS[$service]}"
  say "$service: Jib build and push"
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl "$module" -Dquarkus.container-image.build=true \
    -Dquarkus.container-image.push=true -Dquarkus.container-image.registry="$REGISTRY" \
    -Dquarkus.container-image.insecure=true -Dquarkus.jib.base-jvm-image="tar://$WORK/base.tar")
  repo="seqengine/$service"
  manifest="$(curl -fs -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "http://$REGISTRY/v2/$repo/manifests/$VERSION")"
  config="$(curl -fs "http://$REGISTRY/v2/$repo/blobs/$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["config"]["digest"])' "$manifest")")"
  python3 - "$config" "$port" <<'PY'
import json, sys
c = json.loads(sys.argv[1])["config"]
assert c["User"] == "185", "runs as " + c["User"]
assert sys.argv[2] + "/tcp" in c["ExposedPorts"], c["ExposedPorts"]
print("    user %s, exposes %s, entrypoint %s" % (c["User"], ",".join(c["ExposedPorts"]), " ".join(c["Entrypoint"])))
PY
  rootfs="$WORK/run/$service"
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  for layer in $(python3 -c 'import json,sys; print(" ".join(l["digest"] for l in json.loads(sys.argv[1])["layers"]))' "$manifest"); do
    curl -fs "http://$REGISTRY/v2/$repo/blobs/$layer" | tar -xz -C "$rootfs" 2>/dev/null
  done
  mkdir -p "$rootfs/proc" "$rootfs/tmp" && chmod 1777 "$rootfs/tmp" && mount -t proc proc "$rootfs/proc"
  say "$service: run the image's own files as user 185"
  env -i PATH="$JDK/bin:/usr/bin:/bin" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 ENROLLMENT_API_KEYS=demo-org:demo-key \
    ENROLLMENT_STATE_DIR=/tmp/state QUARKUS_HTTP_PORT="$((port + 10))" \
    /usr/sbin/chroot --userspec=185:185 "$rootfs" /bin/sh -c 'cd /home/jboss && exec java -jar quarkus-run.jar' \
    >"$WORK/$service.log" 2>&1 &
  pid=$!
  ready=false
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$((port + 10))/q/health/ready" | grep -q '"UP"'; then ready=true; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  umount "$rootfs/proc"
  $ready || { tail -20 "$WORK/$service.log"; echo "$service's image did not become ready" >&2; exit 1; }
  say "$service: the image ran as user 185 and was ready (log: $WORK/$service.log)"
done
say "every image built with Jib (no Docker daemon), pushed, pulled back and run"
