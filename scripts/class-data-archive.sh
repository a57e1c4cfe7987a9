# Sourced by ./mission-eval and ./mission-eval-spark: runs Java with a class-data archive (AppCDS) of the classes a run
# loads, kept beside the launcher's jar. Later runs map the archive instead of loading and verifying those classes
# again; the first evaluation after a build (evaluate, test or explain) that runs to its end (exit status 0 or 1)
# writes it at its exit, under a temporary name so that a run cut short leaves none. Other runs (help, another
# command, a mistake in the input) load too few of the engine's classes: an archive of theirs would serve every later
# evaluation badly (a Spark run of a million projects then spent 3 s more in collections forced by class loading), so
# they leave none. One archive per Java installation: one made by another JVM, or for another class path, would be
# refused anyway. MISSION_EVAL_CDS=0 runs without one.
#
#   run_with_class_data_archive JAR JAVA JVM_OPTION... -- PROGRAM_ARGUMENT...
#
# JVM_OPTION... ends with what selects the program (-jar JAR, or -cp PATH MAIN_CLASS). Replaces the shell with Java,
# except on the run that writes the archive, which exits with Java's status.
run_with_class_data_archive() {
  local jar="$1" java="$2"
  shift 2
  local options=()
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    options+=("$1")
    shift
  done
  [ "$#" -gt 0 ] && shift # the --

  if [ "${MISSION_EVAL_CDS:-1}" = "0" ]; then
    exec "$java" "${options[@]}" "$@"
  fi
  local java_path java_key archive tmp_archive status
  java_path="$(command -v "$java" 2>/dev/null || echo "$java")"
  java_key="$(readlink -f "$java_path" 2>/dev/null || echo "$java_path")"
  archive="${jar%.jar}-$(printf '%s' "$java_key" | cksum | cut -d' ' -f1).jsa"
  # CDS reports what it cannot archive (old class files, generated classes) on stdout: not wanted beside a report
  local quiet_cds='-Xlog:cds*=off'
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    exec "$java" -XX:SharedArchiveFile="$archive" "$quiet_cds" "${options[@]}" "$@"
  fi
  local evaluates=0 argument
  for argument in "$@"; do
    case "$argument" in
      -h|--help|-V|--version) evaluates=0; break ;;
      evaluate|test|explain) evaluates=1 ;;
    esac
  done
  if [ "$evaluates" = 0 ]; then
    exec "$java" "${options[@]}" "$@"
  fi
  tmp_archive="$archive.$$.tmp"
  set +e
  "$java" -XX:ArchiveClassesAtExit="$tmp_archive" "$quiet_cds" "${options[@]}" "$@"
  status=$?
  set -e
  if [ -s "$tmp_archive" ] && { [ "$status" = 0 ] || [ "$status" = 1 ]; }; then
    mv -f "$tmp_archive" "$archive" 2>/dev/null || rm -f "$tmp_archive"
  else
    rm -f "$tmp_archive"
  fi
  exit "$status"
}
