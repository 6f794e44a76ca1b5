/** Versions the install hints and the CI workflow pin; bump them together. */
export const KIND_VERSION = 'v0.32.0'
export const ISTIO_VERSION = '1.27.1'

/** One-line "how to get it" for each external binary a provider needs. */
export const INSTALL_HINTS: Readonly<Record<string, string>> = {
  kind: `install kind ${KIND_VERSION}: \`go install sigs.k8s.io/kind@${KIND_VERSION}\` or \`curl -Lo kind https://kind.sigs.k8s.io/dl/${KIND_VERSION}/kind-linux-amd64 && chmod +x kind && sudo mv kind /usr/local/bin/\``,
  docker: 'install Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop, then start it',
  istioctl: `install istioctl ${ISTIO_VERSION}: \`curl -L https://istio.io/downloadIstio | ISTIO_VERSION=${ISTIO_VERSION} sh - && sudo mv istio-${ISTIO_VERSION}/bin/istioctl /usr/local/bin/\``,
}
