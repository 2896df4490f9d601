{{/*
How every Kafka client connects, from one switch: config.kafka.securityProtocol. The
services' clients read KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SSL_CA_FILE
(the ConfigMap) and KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (the Secret); KEDA's lag reader
gets the same protocol, mechanism, credentials and CA through its TriggerAuthentication.
*/}}

{{/* Whether the protocol uses SASL / TLS: "true" or "". */}}
{{- define "cypheredge.kafkaSasl" -}}
{{- if hasPrefix "SASL_" .Values.config.kafka.securityProtocol }}true{{ end }}
{{- end }}
{{- define "cypheredge.kafkaTls" -}}
{{- if has .Values.config.kafka.securityProtocol (list "SSL" "SASL_SSL") }}true{{ end }}
{{- end }}

{{/* The CA bundle's source ("secret" or "configMap"), or "" when none is set. */}}
{{- define "cypheredge.kafkaCaSource" -}}
{{- $ca := .Values.config.kafka.caBundle -}}
{{- if and $ca.secretName $ca.configMapName }}
{{- fail "config.kafka.caBundle: set secretName or configMapName, not both" }}
{{- end }}
{{- if or $ca.secretName $ca.configMapName }}
{{- if not (include "cypheredge.kafkaTls" .) }}
{{- fail "config.kafka.caBundle needs a TLS config.kafka.securityProtocol (SSL or SASL_SSL)" }}
{{- end }}
{{- ternary "secret" "configMap" (not (empty $ca.secretName)) }}
{{- end }}
{{- end }}

{{- define "cypheredge.kafkaCaDir" -}}/etc/cypheredge/kafka-ca{{- end }}

{{/* The ConfigMap's Kafka security entries. */}}
{{- define "cypheredge.kafkaConfigData" -}}
{{- $k := .Values.config.kafka -}}
KAFKA_SECURITY_PROTOCOL: {{ $k.securityProtocol | quote }}
{{- if include "cypheredge.kafkaSasl" . }}
KAFKA_SASL_MECHANISM: {{ $k.saslMechanism | quote }}
{{- end }}
{{- if include "cypheredge.kafkaCaSource" . }}
KAFKA_SSL_CA_FILE: {{ printf "%s/%s" (include "cypheredge.kafkaCaDir" .) $k.caBundle.key | quote }}
{{- end }}
{{- end }}

{{/* env entries of the SASL credentials (every process and job loads them: the settings
refuse a SASL protocol without them). */}}
{{- define "cypheredge.kafkaSecretEnv" -}}
{{- if include "cypheredge.kafkaSasl" . }}
{{- range $key := list "KAFKA_SASL_USERNAME" "KAFKA_SASL_PASSWORD" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.secrets.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- end }}
{{- end }}

{{/* The CA bundle's volume and its read-only mount (nothing without one). */}}
{{- define "cypheredge.kafkaCaVolume" -}}
{{- $ca := .Values.config.kafka.caBundle -}}
{{- $source := include "cypheredge.kafkaCaSource" . -}}
{{- if eq $source "secret" }}
- name: kafka-ca
  secret:
    secretName: {{ $ca.secretName }}
    items: [{key: {{ $ca.key | quote }}, path: {{ $ca.key | quote }}}]
{{- else if eq $source "configMap" }}
- name: kafka-ca
  configMap:
    name: {{ $ca.configMapName }}
    items: [{key: {{ $ca.key | quote }}, path: {{ $ca.key | quote }}}]
{{- end }}
{{- end }}
{{- define "cypheredge.kafkaCaMount" -}}
{{- if include "cypheredge.kafkaCaSource" . }}
- name: kafka-ca
  mountPath: {{ include "cypheredge.kafkaCaDir" . }}
  readOnly: true
{{- end }}
{{- end }}

{{/* KEDA's kafka trigger names for the mechanisms. */}}
{{- define "cypheredge.kedaSasl" -}}
{{- get (dict "PLAIN" "plaintext" "SCRAM-SHA-256" "scram_sha256" "SCRAM-SHA-512" "scram_sha512") .Values.config.kafka.saslMechanism }}
{{- end }}

{{/* Whether KEDA needs a TriggerAuthentication: SASL credentials or a CA to read. */}}
{{- define "cypheredge.kedaAuth" -}}
{{- if and .Values.keda.enabled (or (include "cypheredge.kafkaSasl" .) (include "cypheredge.kafkaCaSource" .)) }}true{{ end }}
{{- end }}
