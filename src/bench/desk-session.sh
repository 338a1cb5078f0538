#!/usr/bin/env bash
# Signs in to the desk through its login form (with the CSRF token) and prints the SESSION cookie's value, for
# cpu-per-request.sh. Usage: desk-session.sh BASE_URL USERNAME [PASSWORD]   (password: demo)
set -euo pipefail
base=${1:?base URL, e.g. http://localhost:8080}; user=${2:?username}; password=${3:-demo}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"\|value="[^"]*"[^>]*name="_csrf"' \
    | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" \
    "$base/login")
case "$location" in *login*) echo "sign-in as $user failed ($location)" >&2; exit 1 ;; esac
awk '$6 == "SESSION" {print $7}' "$jar"
