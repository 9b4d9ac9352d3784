{{/* Names, labels and the rendered netweave configuration. */}}

{{- define "netweave.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "netweave.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "netweave.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "netweave.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "netweave.selectorLabels" -}}
app.kubernetes.io/name: {{ include "netweave.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "netweave.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "netweave.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: netweave
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "netweave.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "netweave.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "netweave.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Whether Redis holds the shared state (a URL or a Secret holding one). */}}
{{- define "netweave.redis" -}}
{{- if or .Values.redis.url .Values.redis.existingSecret }}true{{ end -}}
{{- end -}}

{{- define "netweave.redisSecret" -}}
{{- default (printf "%s-redis" (include "netweave.fullname" .)) .Values.redis.existingSecret -}}
{{- end -}}

{{- define "netweave.webhookSecret" -}}
{{- default (printf "%s-webhooks" (include "netweave.fullname" .)) .Values.webhooks.existingSecret -}}
{{- end -}}

{{- define "netweave.oauthSecret" -}}
{{- default (printf "%s-oauth" (include "netweave.fullname" .)) .Values.webhooks.oauth.existingSecret -}}
{{- end -}}

{{- define "netweave.tlsSecret" -}}
{{- default (printf "%s-tls" (include "netweave.fullname" .)) .Values.tls.existingSecret -}}
{{- end -}}

{{- define "netweave.clientCASecret" -}}
{{- default (printf "%s-client-ca" (include "netweave.fullname" .)) .Values.tls.clientCA.existingSecret -}}
{{- end -}}

{{- define "netweave.scheme" -}}
{{- if .Values.tls.enabled }}HTTPS{{ else }}HTTP{{ end -}}
{{- end -}}

{{/*
netweave's configuration file (JSON: Helm's toToml writes integers as floats). What the chart
decides (listen address, data directory, backend, election Lease, TLS paths, pool writes,
which process delivers webhooks) comes first; `config` (any netweave setting, README
"Configuration") is merged over it. Secrets never appear here: they come as environment.
*/}}
{{- define "netweave.config" -}}
{{- $c := dict
  "listen" (printf "0.0.0.0:%d" (int .Values.service.port))
  "data_dir" "/var/lib/netweave"
  "backend" .Values.backend
  "log_format" "json"
  "kubernetes" (dict
    "cluster_name" .Values.kubernetes.clusterName
    "pool_writes" .Values.kubernetes.poolWrites
    "dms_plugin" .Values.kubernetes.dmsPlugin
    "dms_namespace" .Values.kubernetes.dmsNamespace
    "chart_repository_url" (default (printf "http://%s.%s.svc:%d/dms/charts" (include "netweave.fullname" .) .Release.Namespace (int .Values.service.port)) .Values.kubernetes.chartRepositoryUrl)
    "helm_binary" .Values.kubernetes.helmBinary)
  "election" (dict
    "lease_namespace" .Release.Namespace
    "lease_name" (printf "%s-publisher" (include "netweave.fullname" .)))
  "webhooks" (dict "workers" (not .Values.worker.enabled))
-}}
{{- if eq .Values.backend "openstack" -}}
{{- with .Values.openstack -}}
{{- $_ := set $c "openstack" (dict
  "cloud" .cloud
  "clouds_file" "/etc/openstack/clouds.yaml"
  "region" .region
  "poll_seconds" .pollSeconds
  "pool_aggregates" .poolAggregates
  "pool_writes" .poolWrites) -}}
{{- end -}}
{{- end -}}
{{- with .Values.dms.access -}}
{{- $access := list -}}
{{- range $i, $a := . -}}
{{- $access = append $access (dict
  "deployment_manager" $a.deploymentManager
  "kubeconfig" (printf "/etc/netweave/dms/%d/%s" $i (default "kubeconfig" $a.key))) -}}
{{- end -}}
{{- $_ := set $c "dms" (dict "access" $access) -}}
{{- end -}}
{{- with .Values.webhooks.oauth -}}
{{- if .tokenUrl -}}
{{- $_ := set $c.webhooks "oauth" (dict "token_url" .tokenUrl "client_id" .clientId "scopes" .scopes "audience" .audience) -}}
{{- end -}}
{{- end -}}
{{- if .Values.tls.enabled -}}
{{- $tls := dict "cert" "/etc/netweave/tls/tls.crt" "key" "/etc/netweave/tls/tls.key" -}}
{{- if .Values.tls.clientCA.enabled -}}
{{- $_ := set $tls "client_ca" "/etc/netweave/client-ca/ca.crt" -}}
{{- $_ := set $tls "client_auth" .Values.tls.clientAuth -}}
{{- end -}}
{{- $_ := set $c "tls" $tls -}}
{{- end -}}
{{- with .Values.auth -}}
{{- $auth := dict -}}
{{- if .issuer }}{{ $_ := set $auth "issuer" .issuer }}{{ end -}}
{{- if .jwksUri }}{{ $_ := set $auth "jwks_uri" .jwksUri }}{{ end -}}
{{- if .audience }}{{ $_ := set $auth "audience" .audience }}{{ end -}}
{{- if $auth }}{{ $_ := set $c "auth" $auth }}{{ end -}}
{{- end -}}
{{- toPrettyJson (mergeOverwrite $c (deepCopy .Values.config)) -}}
{{- end -}}

{{/* The environment every netweave container gets: secrets by reference, the pod's name. */}}
{{- define "netweave.env" -}}
- name: HOSTNAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if include "netweave.redis" . }}
- name: NETWEAVE_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "netweave.redisSecret" . }}
      key: {{ .Values.redis.existingSecretKey }}
{{- end }}
{{- if or .Values.webhooks.secret .Values.webhooks.existingSecret }}
- name: NETWEAVE_WEBHOOKS__SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "netweave.webhookSecret" . }}
      key: {{ .Values.webhooks.existingSecretKey }}
{{- end }}
{{- if and .Values.webhooks.oauth.tokenUrl (or .Values.webhooks.oauth.clientSecret .Values.webhooks.oauth.existingSecret) }}
- name: NETWEAVE_WEBHOOKS__OAUTH__CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "netweave.oauthSecret" . }}
      key: {{ .Values.webhooks.oauth.existingSecretKey }}
{{- end }}
{{- if .Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.otel.endpoint | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ .Values.otel.serviceName | quote }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "netweave.podSecurityContext" -}}
{{ toYaml .Values.podSecurityContext }}
{{- end -}}

{{/* A probe: the values' spec, its httpGet scheme following tls.enabled. */}}
{{- define "netweave.probe" -}}
{{- $root := index . 0 -}}
{{- $probe := deepCopy (index . 1) -}}
{{- if $probe.httpGet -}}
{{- $_ := set $probe.httpGet "scheme" (include "netweave.scheme" $root) -}}
{{- end -}}
{{- toYaml $probe -}}
{{- end -}}
