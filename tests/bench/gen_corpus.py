#!/usr/bin/env python3
"""Writes a synthetic corpus of Kubernetes manifests for benchmarks.

    tests/bench/gen_corpus.py OUT_DIR OBJECTS [--seed N] [--namespaces N]

Realistic objects (Deployments, StatefulSets, DaemonSets, CronJobs, Pods,
ServiceAccounts, NetworkPolicies, Roles, RoleBindings, Namespaces, and
Services and ConfigMaps that kube-harden skips), a mix of secure and insecure
settings, 1 to 20 objects per file, 100 files per directory. The output
depends only on OBJECTS and the seed, and object i is the same whatever
OBJECTS is, so 10x the objects is 10x the bytes. About 2 KB per object:
100,000 objects are about 200 MB. Write it under /tmp, never into the repo.
"""

import argparse
import hashlib
import os
import random

IMAGES = ["nginx", "redis", "postgres", "registry.example.com/team/api",
          "ghcr.io/example/worker", "quay.io/example/proxy", "busybox"]
TAGS = ["1.25.3", "7.2", "16.1", "latest", "v2.14.0", "sha256:" + "ab12" * 16]
CAPS = ["NET_ADMIN", "SYS_ADMIN", "NET_RAW", "SYS_PTRACE", "CHOWN"]


def secure(rng):
    return rng.random() < 0.55


def container_yaml(rng, indent, name):
    pad = " " * indent
    image = rng.choice(IMAGES)
    tag = rng.choice(TAGS)
    ref = f"{image}@{tag}" if tag.startswith("sha256:") else f"{image}:{tag}"
    lines = [
        f"{pad}- name: {name}",
        f"{pad}  image: {ref}",
        f"{pad}  imagePullPolicy: IfNotPresent",
        f"{pad}  args: [\"--port=8080\", \"--log-level=info\", \"--metrics\"]",
        f"{pad}  ports:",
        f"{pad}    - name: http",
        f"{pad}      containerPort: {rng.choice([80, 8080, 8443, 9090])}",
        f"{pad}      protocol: TCP",
    ]
    if rng.random() < 0.08:
        lines.append(f"{pad}      hostPort: {rng.choice([80, 8080])}")
    lines += [
        f"{pad}  env:",
        f"{pad}    - name: LOG_FORMAT",
        f"{pad}      value: json",
        f"{pad}    - name: POD_NAMESPACE",
        f"{pad}      valueFrom:",
        f"{pad}        fieldRef:",
        f"{pad}          fieldPath: metadata.namespace",
    ]
    if rng.random() < 0.15:
        lines += [f"{pad}    - name: DB_PASSWORD",
                  f"{pad}      value: \"hunter2-{rng.randrange(10**6)}\""]
    if rng.random() < 0.3:
        lines += [f"{pad}    - name: API_TOKEN",
                  f"{pad}      valueFrom:",
                  f"{pad}        secretKeyRef:",
                  f"{pad}          name: api-token",
                  f"{pad}          key: token"]
    lines += [
        f"{pad}  resources:",
        f"{pad}    requests:",
        f"{pad}      cpu: 100m",
        f"{pad}      memory: 128Mi",
        f"{pad}    limits:",
        f"{pad}      cpu: \"1\"",
        f"{pad}      memory: 512Mi",
        f"{pad}  livenessProbe:",
        f"{pad}    httpGet:",
        f"{pad}      path: /healthz",
        f"{pad}      port: http",
        f"{pad}    initialDelaySeconds: 10",
        f"{pad}    periodSeconds: 15",
        f"{pad}  readinessProbe:",
        f"{pad}    tcpSocket:",
        f"{pad}      port: 8080",
        f"{pad}  volumeMounts:",
        f"{pad}    - name: config",
        f"{pad}      mountPath: /etc/app",
        f"{pad}      readOnly: true",
    ]
    if secure(rng):
        lines += [
            f"{pad}  securityContext:",
            f"{pad}    allowPrivilegeEscalation: false",
            f"{pad}    readOnlyRootFilesystem: true",
            f"{pad}    runAsNonRoot: true",
            f"{pad}    runAsUser: {rng.choice([1000, 65532, 10001])}",
            f"{pad}    capabilities:",
            f"{pad}      drop: [\"ALL\"]",
            f"{pad}    seccompProfile:",
            f"{pad}      type: RuntimeDefault",
        ]
    elif rng.random() < 0.5:
        lines += [f"{pad}  securityContext:",
                  f"{pad}    privileged: {rng.choice(['true', 'false'])}",
                  f"{pad}    runAsUser: 0",
                  f"{pad}    capabilities:",
                  f"{pad}      add: [{rng.choice(CAPS)}]"]
    return lines


def pod_spec_yaml(rng, indent, name, restart_never=False):
    pad = " " * indent
    lines = []
    if rng.random() < 0.6:
        lines.append(f"{pad}serviceAccountName: {name}")
    if rng.random() < 0.3:
        lines.append(f"{pad}automountServiceAccountToken: false")
    if rng.random() < 0.05:
        lines.append(f"{pad}hostNetwork: true")
    if rng.random() < 0.03:
        lines.append(f"{pad}hostPID: true")
    if restart_never:
        lines.append(f"{pad}restartPolicy: Never")
    if secure(rng):
        lines += [f"{pad}securityContext:",
                  f"{pad}  runAsNonRoot: true",
                  f"{pad}  fsGroup: 2000",
                  f"{pad}  seccompProfile:",
                  f"{pad}    type: RuntimeDefault"]
    if rng.random() < 0.2:
        lines += [f"{pad}initContainers:"] + container_yaml(rng, indent + 2, "init")
    lines.append(f"{pad}containers:")
    lines += container_yaml(rng, indent + 2, "app")
    if rng.random() < 0.35:
        lines += container_yaml(rng, indent + 2, "sidecar")
    lines += [f"{pad}volumes:",
              f"{pad}  - name: config",
              f"{pad}    configMap:",
              f"{pad}      name: {name}-config"]
    if rng.random() < 0.07:
        lines += [f"{pad}  - name: host",
                  f"{pad}    hostPath:",
                  f"{pad}      path: {rng.choice(['/var/log', '/', '/var/run/docker.sock'])}"]
    return lines


def metadata_yaml(name, namespace, labels=True):
    lines = ["metadata:", f"  name: {name}", f"  namespace: {namespace}"]
    if labels:
        lines += ["  labels:",
                  f"    app.kubernetes.io/name: {name}",
                  "    app.kubernetes.io/part-of: bench",
                  "    app.kubernetes.io/managed-by: kustomize",
                  "  annotations:",
                  "    example.com/owner: platform-team",
                  f"    example.com/description: \"Synthetic object {name} for the benchmark\"",
                  f"    checksum/config: {hashlib.sha256(name.encode()).hexdigest()}"]
    return lines


def workload(rng, kind, name, namespace):
    api = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
           "CronJob": "batch/v1", "Job": "batch/v1"}[kind]
    lines = [f"apiVersion: {api}", f"kind: {kind}"] + metadata_yaml(name, namespace)
    template = ["  template:",
                "    metadata:",
                "      labels:",
                f"        app.kubernetes.io/name: {name}",
                "        app.kubernetes.io/part-of: bench",
                "      annotations:",
                "        prometheus.io/scrape: \"true\"",
                "        prometheus.io/port: \"9090\"",
                "        kubectl.kubernetes.io/default-container: app",
                "    spec:"]
    if kind == "CronJob":
        lines += ["spec:", "  schedule: \"*/15 * * * *\"", "  jobTemplate:", "    spec:"]
        lines += ["  " + line for line in template]
        lines += pod_spec_yaml(rng, 8, name, restart_never=True)
        return lines
    lines.append("spec:")
    if kind in ("Deployment", "StatefulSet"):
        lines.append(f"  replicas: {rng.choice([1, 2, 3])}")
    if kind != "Job":
        lines += ["  selector:", "    matchLabels:", f"      app.kubernetes.io/name: {name}"]
    lines += template
    lines += pod_spec_yaml(rng, 6, name, restart_never=kind == "Job")
    return lines


def pod(rng, name, namespace):
    return ["apiVersion: v1", "kind: Pod"] + metadata_yaml(name, namespace) + \
        ["spec:"] + pod_spec_yaml(rng, 2, name)


def service_account(rng, name, namespace):
    lines = ["apiVersion: v1", "kind: ServiceAccount"] + metadata_yaml(name, namespace)
    if rng.random() < 0.5:
        lines.append("automountServiceAccountToken: false")
    return lines


def network_policy(rng, name, namespace):
    lines = ["apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy"] + \
        metadata_yaml(name, namespace) + ["spec:", "  podSelector:"]
    if rng.random() < 0.2:
        lines[-1] += " {}"
    else:
        lines += ["    matchLabels:", f"      app.kubernetes.io/name: {name}"]
    lines += ["  policyTypes: [Ingress, Egress]",
              "  ingress:",
              "    - from:",
              "        - namespaceSelector:",
              "            matchLabels:",
              "              kubernetes.io/metadata.name: ingress",
              "      ports:",
              "        - protocol: TCP",
              "          port: 8080"]
    if rng.random() < 0.1:
        lines.append(f"          endPort: {rng.choice([8000, 9000, 40000])}")
    lines += ["  egress:", "    - to:", "        - ipBlock:", "            cidr: 10.0.0.0/8",
              "      ports:", "        - protocol: UDP", "          port: 53"]
    return lines


def role(rng, name, namespace):
    cluster = rng.random() < 0.3
    lines = ["apiVersion: rbac.authorization.k8s.io/v1",
             f"kind: {'ClusterRole' if cluster else 'Role'}"]
    lines += ["metadata:", f"  name: {name}"] + ([] if cluster else [f"  namespace: {namespace}"])
    lines += ["rules:",
              "  - apiGroups: [\"\"]",
              "    resources: [\"configmaps\", \"services\", \"endpoints\"]",
              "    verbs: [\"get\", \"list\", \"watch\"]",
              "  - apiGroups: [\"apps\"]",
              "    resources: [\"deployments\"]",
              "    verbs: [\"get\", \"list\"]"]
    roll = rng.random()
    if roll < 0.08:
        lines += ["  - apiGroups: [\"*\"]", "    resources: [\"*\"]", "    verbs: [\"*\"]"]
    elif roll < 0.16:
        lines += ["  - apiGroups: [\"\"]", "    resources: [\"secrets\"]", "    verbs: [\"get\"]"]
    elif roll < 0.22:
        lines += ["  - apiGroups: [\"\"]", "    resources: [\"pods/exec\"]",
                  "    verbs: [\"create\"]"]
    return lines


def role_binding(rng, name, namespace):
    cluster = rng.random() < 0.3
    lines = ["apiVersion: rbac.authorization.k8s.io/v1",
             f"kind: {'ClusterRoleBinding' if cluster else 'RoleBinding'}"]
    lines += ["metadata:", f"  name: {name}"] + ([] if cluster else [f"  namespace: {namespace}"])
    ref = "cluster-admin" if rng.random() < 0.05 else name
    subject = "default" if rng.random() < 0.1 else name
    lines += ["roleRef:",
              "  apiGroup: rbac.authorization.k8s.io",
              f"  kind: {'ClusterRole' if cluster or ref == 'cluster-admin' else 'Role'}",
              f"  name: {ref}",
              "subjects:",
              "  - kind: ServiceAccount",
              f"    name: {subject}",
              f"    namespace: {namespace}"]
    return lines


def namespace_object(rng, name, _namespace):
    lines = ["apiVersion: v1", "kind: Namespace", "metadata:", f"  name: {name}", "  labels:"]
    level = rng.choice(["baseline", "restricted", "privileged"])
    lines += [f"    pod-security.kubernetes.io/enforce: {level}",
              "    app.kubernetes.io/part-of: bench"]
    return lines


def service(rng, name, namespace):
    return ["apiVersion: v1", "kind: Service"] + metadata_yaml(name, namespace) + \
        ["spec:", "  type: ClusterIP", "  selector:", f"    app.kubernetes.io/name: {name}",
         "  ports:", "    - name: http", "      port: 80", "      targetPort: http"]


def config_map(rng, name, namespace):
    lines = ["apiVersion: v1", "kind: ConfigMap"] + metadata_yaml(name, namespace) + \
        ["data:", "  app.yaml: |"]
    for i in range(rng.randrange(5, 30)):
        lines.append(f"    setting_{i}: value-{rng.randrange(10**6)}")
    return lines


KINDS = [  # (weight, writer)
    (22, lambda r, n, ns: workload(r, "Deployment", n, ns)),
    (4, lambda r, n, ns: workload(r, "StatefulSet", n, ns)),
    (3, lambda r, n, ns: workload(r, "DaemonSet", n, ns)),
    (3, lambda r, n, ns: workload(r, "CronJob", n, ns)),
    (2, lambda r, n, ns: workload(r, "Job", n, ns)),
    (6, pod),
    (14, service_account),
    (8, network_policy),
    (8, role),
    (8, role_binding),
    (2, namespace_object),
    (12, service),
    (8, config_map),
]
WEIGHTS = [weight for weight, _ in KINDS]


def object_text(seed, index, namespaces):
    rng = random.Random(seed * 1_000_003 + index)
    writer = rng.choices([w for _, w in KINDS], WEIGHTS)[0]
    namespace = f"team-{index % namespaces}"
    name = f"obj-{index}"
    return "\n".join(writer(rng, name, namespace)) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("objects", type=int)
    parser.add_argument("--seed", type=int, default=1)
    # One namespace is the worst case for the rules that match every policy
    # of a namespace against every workload there.
    parser.add_argument("--namespaces", type=int, default=97)
    args = parser.parse_args()
    index = 0
    file_number = 0
    total_bytes = 0
    while index < args.objects:
        # File sizes follow a fixed sequence too, so the layout scales linearly.
        per_file = random.Random(args.seed * 7919 + file_number).randrange(1, 21)
        count = min(per_file, args.objects - index)
        text = "---\n".join(object_text(args.seed, index + k, args.namespaces)
                             for k in range(count))
        directory = os.path.join(args.out_dir, f"d{file_number // 100:05d}")
        if file_number % 100 == 0:
            os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"f{file_number:07d}.yaml"), "w") as out:
            out.write(text)
        total_bytes += len(text)
        index += count
        file_number += 1
    print(f"{file_number} files, {index} objects, {total_bytes} bytes in {args.out_dir}")


if __name__ == "__main__":
    main()
