{{/*
Pieces every pod shares: hardening, the writable volumes of a read-only root filesystem,
image pull secrets.
*/}}

{{- define "cypheredge.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Volumes: (list $ $withSpool $settings). */}}
{{- define "cypheredge.volumes" -}}
{{- $root := index . 0 -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ $root.Values.tmpVolume.sizeLimit }}
{{- if index . 1 }}
- name: spool
  emptyDir:
    sizeLimit: {{ $root.Values.spoolVolume.sizeLimit }}
{{- end }}
{{- include "cypheredge.kafkaCaVolume" $root }}
{{- with (index . 2).extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "cypheredge.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if index . 1 }}
- name: spool
  mountPath: /var/spool/cypheredge
{{- end }}
{{- include "cypheredge.kafkaCaMount" (index . 0) }}
{{- with (index . 2).extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Startup, liveness and readiness probes on a named port: (list $ "<port name>"). */}}
{{- define "cypheredge.probes" -}}
{{- $root := index . 0 }}
{{- $port := index . 1 }}
{{- $p := $root.Values.probes -}}
startupProbe:
  httpGet: {path: /healthz, port: {{ $port }}}
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
  timeoutSeconds: {{ $p.startup.timeoutSeconds }}
livenessProbe:
  httpGet: {path: /healthz, port: {{ $port }}}
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
readinessProbe:
  httpGet: {path: /readyz, port: {{ $port }}}
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
{{- end }}
