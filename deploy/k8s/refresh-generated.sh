#!/usr/bin/env bash
# Copies the manifests quarkus-kubernetes generated at the last build (each service's target/kubernetes/
# kubernetes.yml) into deploy/k8s/base/generated/, where Kustomize reads them. Run after a build that changed
# a service's kubernetes settings; KubernetesManifestsTest fails while the copies differ from the build's.
set -euo pipefail
cd "$(dirname "$0")/../.."
for module in enrollment-service exclusion-evaluator step-scheduler deploy/mailer-simulator; do
  generated="$module/target/kubernetes/kubernetes.yml"
  [[ -f "$generated" ]] || { echo "missing $generated: build first (./mvnw -B package -DskipTests)" >&2; exit 1; }
  cp "$generated" "deploy/k8s/base/generated/$(basename "$module").yml"
done
echo "deploy/k8s/base/generated refreshed"
