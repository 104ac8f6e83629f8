#!/usr/bin/env bash
# Re-derive PromQL accept/reject verdicts from the real promtool (Prometheus 2.42).
#
# Usage:
#   verdicts.sh [FILE]            print "<verdict>\t<expression>" for every entry of FILE
#                                 (default: corpus.tsv next to this script); "##" section
#                                 comment lines are passed through unchanged, so the output
#                                 can be redirected to a new corpus file.
#   verdicts.sh --check [FILE]    print only entries whose recorded verdict differs from
#                                 promtool's (format "<recorded>\t<promtool>\t<expression>"),
#                                 plus duplicate / malformed lines; exit 1 if any.
#   verdicts.sh --errors [FILE]   print "<verdict>\t<expression>\t<promtool message>".
#
# Input lines: "## comment", "<verdict>\t<expression>" or a bare "<expression>" (no tab).
# Blank lines (no tab, only whitespace) are ignored.  An entry whose expression is empty
# ("invalid\t") is allowed: promtool rejects it ("field 'expr' must be set"), and a PromQL
# parser rejects empty input too ("no expression found in input").
#
# Each expression is wrapped as a recording rule in its own rules file, with the
# expression written as a YAML single-quoted scalar (' doubled, backslashes literal).
# One `promtool check rules f1 f2 ...` process checks all files; stdout contains per file
# "Checking <file>" followed by "  SUCCESS: ..." on success.  Files whose result cannot be
# found in that output are re-checked with one promtool process each.
set -euo pipefail

PROMTOOL=${PROMTOOL:-promtool}
mode=print
case "${1:-}" in
  --check) mode=check; shift ;;
  --errors) mode=errors; shift ;;
  -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
input=${1:-$here/corpus.tsv}
[[ -r $input ]] || { echo "cannot read $input" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# kinds[i]: c = comment line (passed through), e = entry
declare -a kinds lines recorded exprs files
n=0; problems=0
declare -A seen
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
  lineno=$((lineno + 1))
  line=${line%$'\r'}
  if [[ $line == '##'* ]]; then
    kinds[n]=c; lines[n]=$line; n=$((n + 1)); continue
  fi
  if [[ $line == *$'\t'* ]]; then
    rec=${line%%$'\t'*}; expr=${line#*$'\t'}
    if [[ $expr == *$'\t'* ]]; then
      echo "line $lineno: tab inside expression" >&2; problems=$((problems + 1)); continue
    fi
    if [[ $rec != valid && $rec != invalid && $rec != '?' ]]; then
      echo "line $lineno: bad verdict '$rec'" >&2; problems=$((problems + 1)); continue
    fi
  else
    [[ -z ${line//[[:space:]]/} ]] && continue
    rec='?'; expr=$line
  fi
  if [[ -n ${seen["x$expr"]:-} ]]; then
    echo "line $lineno: duplicate expression (first at line ${seen["x$expr"]}): $expr" >&2
    problems=$((problems + 1))
  else
    seen["x$expr"]=$lineno
  fi
  f=$(printf 'e%05d.yml' "$n")
  q=${expr//\'/\'\'}
  printf "groups:\n- name: g\n  rules:\n  - record: corpus:expr\n    expr: '%s'\n" "$q" > "$work/$f"
  kinds[n]=e; recorded[n]=$rec; exprs[n]=$expr; files[n]=$f
  n=$((n + 1))
done < "$input"

# Run promtool once over all files.
declare -a all=()
for ((i = 0; i < n; i++)); do [[ ${kinds[i]} == e ]] && all+=("${files[i]}"); done
declare -A verdict msg
run_promtool() { # files... ; fills verdict[] and msg[]
  local out err cur l
  ( cd "$work" && "$PROMTOOL" check rules "$@" >stdout 2>stderr ) || true
  cur=
  while IFS= read -r l; do
    if [[ $l =~ ^Checking\ (e[0-9]+\.yml)$ ]]; then
      cur=${BASH_REMATCH[1]}; verdict[$cur]=invalid
    elif [[ -n $cur && $l =~ ^\ *SUCCESS ]]; then
      verdict[$cur]=valid
    fi
  done < "$work/stdout"
  cur=
  while IFS= read -r l; do
    if [[ $l =~ ^(e[0-9]+\.yml):\ (.*)$ ]]; then
      cur=${BASH_REMATCH[1]}; l=${BASH_REMATCH[2]}
      l=${l#*\"corpus:expr\": }
      l=${l#could not parse expression: }
      msg[$cur]=$l
    elif [[ -n $cur && -n $l && ! $l =~ ^\ *FAILED ]]; then
      msg[$cur]+=" | $l"
    fi
  done < "$work/stderr"
}
if ((${#all[@]})); then run_promtool "${all[@]}"; fi
# Fallback: anything without a result (e.g. promtool died part-way) gets its own process.
for f in "${all[@]}"; do
  if [[ -z ${verdict[$f]:-} ]]; then run_promtool "$f"; fi
  if [[ -z ${verdict[$f]:-} ]]; then echo "no promtool result for $f" >&2; exit 2; fi
done

diffs=0
for ((i = 0; i < n; i++)); do
  if [[ ${kinds[i]} == c ]]; then
    [[ $mode == print ]] && printf '%s\n' "${lines[i]}"
    continue
  fi
  f=${files[i]}; v=${verdict[$f]}
  case $mode in
    print) printf '%s\t%s\n' "$v" "${exprs[i]}" ;;
    errors) printf '%s\t%s\t%s\n' "$v" "${exprs[i]}" "${msg[$f]:-}" ;;
    check)
      if [[ ${recorded[i]} != "$v" ]]; then
        printf '%s\t%s\t%s\n' "${recorded[i]}" "$v" "${exprs[i]}"; diffs=$((diffs + 1))
      fi ;;
  esac
done
if [[ $mode == check ]]; then
  echo "checked ${#all[@]} expressions: $diffs verdict differences, $problems malformed/duplicate lines" >&2
  ((diffs == 0 && problems == 0)) || exit 1
fi
