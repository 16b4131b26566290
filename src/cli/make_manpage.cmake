# Writes chuxin.1 (roff) and a bash completion script from the binary's own
# --help texts, so neither can drift from the CLI.
#   cmake -DCHUXIN=<binary> -DVERSION=<x.y.z> -DMAN=<chuxin.1> -DCOMPLETION=<file> -P make_manpage.cmake
# Deterministic: no build date is written (the version names the page).

function(help_of out)  # help_of(<out> <subcommand words…>)
  execute_process(COMMAND ${CHUXIN} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "chuxin ${ARGN} --help failed (${rc})")
  endif()
  # CLI11 prints the path the binary was run by: the page says `chuxin`.
  string(REGEX REPLACE "Usage: [^ \n]+" "Usage: chuxin" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The subcommand names listed under "Subcommands:" of a help text.
function(subcommands_of out text)
  set(names)
  string(FIND "${text}" "Subcommands:\n" at)
  if(at GREATER -1)
    string(SUBSTRING "${text}" ${at} -1 tail)
    string(REGEX MATCHALL "\n  [a-z]+ " found "${tail}")
    foreach(f IN LISTS found)
      string(STRIP "${f}" name)
      list(APPEND names ${name})
    endforeach()
  endif()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# Every long and short option of a help text, "-h --help -s --source …".
function(options_of out text)
  string(REGEX MATCHALL "\n  (-[a-zA-Z],)?--[a-z-]+" found "${text}")
  set(opts)
  foreach(f IN LISTS found)
    string(STRIP "${f}" f)
    string(REPLACE "," ";" parts "${f}")
    list(APPEND opts ${parts})
  endforeach()
  list(JOIN opts " " joined)
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()

# roff: a backslash is \e, a line starting with . or ' is protected by \&.
function(roff out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(top)
subcommands_of(commands "${top}")
options_of(top_opts "${top}")

set(man ".TH CHUXIN 1 \"\" \"chuxin ${VERSION}\" \"User Commands\"\n")
string(APPEND man ".SH NAME\nchuxin \\- build a Party study portal and print handbooks from Markdown + YAML\n")
string(APPEND man ".SH SYNOPSIS\n.B chuxin\n.I command\n[\\fIoptions\\fR]\n")
string(APPEND man ".SH DESCRIPTION\n")
string(APPEND man "chuxin turns a folder of Markdown + YAML study content (study lists, typical cases, meeting minutes, schedules, rectification checklists) into a themed, cross-linked study portal and print-ready PDF handbooks.\n")
string(APPEND man ".PP\n.nf\n")
roff(text "${top}")
string(APPEND man "${text}.fi\n.SH COMMANDS\n")

set(cases "")
set(all_subs)
foreach(cmd IN LISTS commands)
  help_of(help ${cmd})
  roff(text "${help}")
  string(APPEND man ".SS chuxin ${cmd}\n.nf\n${text}.fi\n")
  options_of(opts "${help}")
  subcommands_of(subs "${help}")
  list(JOIN subs " " sub_words)
  list(APPEND all_subs ${subs})
  foreach(sub IN LISTS subs)
    help_of(sub_help ${cmd} ${sub})
    options_of(sub_opts "${sub_help}")
    string(APPEND cases "    \"${cmd} ${sub}\") words=\"${sub_opts}\" ;;\n")
  endforeach()
  string(APPEND cases "    \"${cmd}\") words=\"${sub_words} ${opts}\" ;;\n")
  foreach(sub IN LISTS subs)
    if(sub STREQUAL "site")
      help_of(sub_help ${cmd} ${sub})
      roff(text "${sub_help}")
      string(APPEND man ".SS chuxin ${cmd} ${sub}\n.nf\n${text}.fi\n")
    endif()
  endforeach()
endforeach()

string(APPEND man ".SH EXIT STATUS\n0 success; 1 content errors (every error of the run is listed as file:line:col with the source line and a hint); 2 usage errors.\n")
string(APPEND man ".SH ENVIRONMENT\n.TP\n.B SOURCE_DATE_EPOCH\nseconds since 1970: the creation date written into handbook PDFs and report workbooks, for reproducible builds.\n")
string(APPEND man ".SH FILES\n.TP\n.I site.yaml\nthe site's settings.\n.TP\n.I content/\nthe Markdown + YAML content; its folders name the kinds.\n.TP\n.I public/\nthe default output folder (build.output in site.yaml).\n")
string(APPEND man ".SH SEE ALSO\nThe documentation in /usr/share/doc/chuxin/ (content-format.md, references.md, schedules.md, themes.md, handbook.md, commands.md).\n")
file(WRITE ${MAN} "${man}")

list(JOIN commands " " command_words)
list(REMOVE_DUPLICATES all_subs)
list(JOIN all_subs " " all_subs)
file(WRITE ${COMPLETION} "# bash completion for chuxin, made from its --help texts (src/cli/make_manpage.cmake).
_chuxin() {
  local cur=\"\${COMP_WORDS[COMP_CWORD]}\" path=\"\" i words
  # The subcommand path typed so far: \"new\", \"new minutes\" …
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \" ${command_words} ${all_subs} \" in
      *\" \${COMP_WORDS[i]} \"*) path=\"\${path:+\$path }\${COMP_WORDS[i]}\" ;;
    esac
  done
  case \"\$path\" in
${cases}    *) words=\"${command_words} ${top_opts}\" ;;
  esac
  COMPREPLY=(\$(compgen -W \"\$words\" -- \"\$cur\"))
  # Folders and files for values (--source DIR, --output FILE …).
  [[ \${#COMPREPLY[@]} -eq 0 && \$cur != -* ]] && COMPREPLY=(\$(compgen -f -- \"\$cur\"))
  return 0
}
complete -F _chuxin chuxin
")
