{{/*
Names, labels and the catalogue (files/catalogue.json, generated from the contracts).
*/}}

{{- define "cypheredge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name, the prefix of every object (room left for "-<process>"). */}}
{{- define "cypheredge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "cypheredge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cypheredge.labels" -}}
helm.sh/chart: {{ include "cypheredge.chart" . }}
app.kubernetes.io/name: {{ include "cypheredge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cypheredge
{{- end }}

{{- define "cypheredge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cypheredge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one component: (list $ "<component>"). */}}
{{- define "cypheredge.componentLabels" -}}
{{- $root := index . 0 }}
{{- include "cypheredge.labels" $root }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{- define "cypheredge.componentSelector" -}}
{{- $root := index . 0 }}
{{- include "cypheredge.selectorLabels" $root }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{- define "cypheredge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cypheredge.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The catalogue as JSON text; callers decode it with fromJson. */}}
{{- define "cypheredge.catalogue" -}}
{{- $text := .Files.Get "files/catalogue.json" }}
{{- if not $text }}
{{- fail "files/catalogue.json is missing: run python -m cypheredge.cli.chart_catalogue" }}
{{- end }}
{{- $text }}
{{- end }}

{{/* Image of a workspace package: (list $ "<package>"). */}}
{{- define "cypheredge.image" -}}
{{- $root := index . 0 }}
{{- $image := $root.Values.image }}
{{- $repo := printf "%s/%s" $image.repositoryPrefix (index . 1) }}
{{- if $image.registry }}
{{- $repo = printf "%s/%s" $image.registry $repo }}
{{- end }}
{{- printf "%s:%s" $repo (default $root.Chart.AppVersion $image.tag) }}
{{- end }}

{{/*
A process's settings, (list $ "<process>" $into): processDefaults with every key that
processes.<process> sets replacing the default's (a whole key, not merged inside it).
*/}}
{{- define "cypheredge.settingsInto" -}}
{{- $root := index . 0 }}
{{- $into := index . 2 }}
{{- range $key, $value := $root.Values.processDefaults }}
{{- $_ := set $into $key $value }}
{{- end }}
{{- range $key, $value := (index $root.Values.processes (index . 1) | default dict) }}
{{- $_ := set $into $key $value }}
{{- end }}
{{- end }}

{{/* The consumer entry of the catalogue a process runs (empty dict: none): (list $cat "<process>"). */}}
{{- define "cypheredge.consumerOf" -}}
{{- $found := dict }}
{{- range (index . 0).consumers }}
{{- if eq .deployment (index $ 1) }}
{{- $found = . }}
{{- end }}
{{- end }}
{{- toJson $found }}
{{- end }}

{{/*
The replica ceiling of a consumer: (list $consumer $autoscaling). The largest partition count
of its topics (more consumers than partitions would idle), or a lower maxReplicaCount.
*/}}
{{- define "cypheredge.maxReplicas" -}}
{{- $consumer := index . 0 }}
{{- $scaling := index . 1 }}
{{- $partitions := 0 }}
{{- range $consumer.topics }}
{{- $partitions = max $partitions (int .partitions) }}
{{- end }}
{{- $wanted := $scaling.maxReplicaCount }}
{{- if kindIs "invalid" $wanted }}
{{- $partitions }}
{{- else if gt (int $wanted) $partitions }}
{{- fail (printf "processes.%s.autoscaling.maxReplicaCount %d exceeds %d, the largest partition count of the topics it consumes" $consumer.deployment (int $wanted) $partitions) }}
{{- else }}
{{- int $wanted }}
{{- end }}
{{- end }}

{{/* Whether a process's Deployment is autoscaled (KEDA or the HPA): "true" or "". */}}
{{- define "cypheredge.autoscaled" -}}
{{- $root := index . 0 }}
{{- $cat := index . 1 }}
{{- $name := index . 2 }}
{{- $consumer := include "cypheredge.consumerOf" (list $cat $name) | fromJson }}
{{- if and $consumer $root.Values.keda.enabled }}true
{{- else if eq $name "gateway" }}
{{- if $root.Values.processes.gateway.autoscaling.enabled }}true{{ end }}
{{- end }}
{{- end }}
