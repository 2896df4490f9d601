{{/*
Environment of the processes: non-secret settings (the ConfigMap, and inline in the hook
jobs, which run before the ConfigMap exists) and references to the operator's Secret.
*/}}

{{/* The ConfigMap's data: the platform's non-secret settings. */}}
{{- define "cypheredge.configData" -}}
{{- $c := .Values.config -}}
KAFKA_BOOTSTRAP_SERVERS: {{ $c.kafkaBootstrapServers | quote }}
{{ include "cypheredge.kafkaConfigData" . }}
S3_ENDPOINT: {{ $c.s3.endpoint | quote }}
S3_BUCKET: {{ $c.s3.bucket | quote }}
S3_SECURE: {{ $c.s3.secure | toString | quote }}
LOG_LEVEL: {{ $c.logLevel | quote }}
LOG_JSON: {{ $c.logJson | toString | quote }}
{{- if $c.oidc.issuer }}
OIDC_ISSUER: {{ $c.oidc.issuer | quote }}
OIDC_AUDIENCE: {{ required "config.oidc.audience is required with config.oidc.issuer" $c.oidc.audience | quote }}
{{- end }}
STRIPE_API_BASE: {{ $c.stripe.apiBase | quote }}
{{- if $c.otelExporterOtlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $c.otelExporterOtlpEndpoint | quote }}
{{- end }}
SENTRY_ENVIRONMENT: {{ $c.sentry.environment | quote }}
SENTRY_RELEASE: {{ printf "cypheredge@%s" (default .Chart.AppVersion .Values.image.tag) | quote }}
# A read-only root filesystem: caches and home under the /tmp volume.
HOME: "/tmp"
XDG_CACHE_HOME: "/tmp/.cache"
{{- range $name, $value := $c.extraEnv }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/*
Which Secret keys each process reads (key = environment variable), and whether it may be
absent. Least privilege: only the processes that seal or unseal statement passwords get the
sealing key, only those that touch object storage get its keys, only the gateway and billing
Stripe's.
*/}}
{{- define "cypheredge.secretEnvTable" -}}
common:
  DATABASE_URL: required
  DATABASE_SERVICE_PASSWORD: required
  SENTRY_DSN: optional
storage:
  S3_ACCESS_KEY: required
  S3_SECRET_KEY: required
sealing:
  CYPHEREDGE_SECRET_KEY: required
processes:
  gateway: [storage, sealing, gateway]
  gateway-webhooks: [sealing]
  ingest: [storage, sealing]
  extractor: [storage]
  extractor-gpu: [storage]
  reporter: [storage]
  billing: [billing]
gateway:
  REDIS_URL: optional
  STRIPE_WEBHOOK_SECRET: optional
billing:
  STRIPE_API_KEY: optional
{{- end }}

{{/* env entries of the Secret keys a process reads: (list $ "<process>"). */}}
{{- define "cypheredge.secretEnv" -}}
{{- $root := index . 0 }}
{{- $table := include "cypheredge.secretEnvTable" $root | fromYaml }}
{{- $groups := concat (list "common") (index $table.processes (index . 1) | default list) }}
{{- range $group := $groups }}
{{- range $key, $need := index $table $group }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.secrets.existingSecret }}
      key: {{ $key }}
      {{- if eq $need "optional" }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}
{{- include "cypheredge.kafkaSecretEnv" $root }}
{{- end }}

{{/* The env of one process besides the ConfigMap: (list $ $process $settings). */}}
{{- define "cypheredge.processEnv" -}}
{{- $root := index . 0 }}
{{- $p := index . 1 }}
{{- $s := index . 2 -}}
- name: OTEL_SERVICE_NAME
  value: {{ printf "cypheredge-%s" $p.name | quote }}
{{- if $p.httpPort }}
- name: GATEWAY_HOST
  value: "0.0.0.0"
- name: GATEWAY_PORT
  value: {{ $p.httpPort | int | toString | quote }}
- name: GATEWAY_SPOOL_DIR
  value: "/var/spool/cypheredge"
{{- end }}
{{- with $p.healthEnvPrefix }}
- name: {{ . }}HOST
  value: "0.0.0.0"
- name: {{ . }}PORT
  value: {{ $root.Values.healthPort | int | toString | quote }}
{{- end }}
{{- range $name, $value := $s.env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- include "cypheredge.secretEnv" (list $root $p.name) }}
{{- end }}
