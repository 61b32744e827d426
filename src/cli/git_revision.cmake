# Writes OUTPUT, the git revision `kpi-report --version` prints, at every build (the
# kpi-git-revision target, CMakeLists.txt):
#   #define KPI_GIT_REVISION "2322a1a-dirty"
# REVISION when set (-DKPI_GIT_REVISION=..., a tarball's packager); else `git describe --always
# --dirty` of SOURCE_DIR's own repository (not one the sources were unpacked inside); else
# "unknown". The file is rewritten only when the revision changed: an unchanged one rebuilds
# nothing, a new commit rebuilds src/cli/app.cpp alone.
set(revision "${REVISION}")
if(NOT revision)
  set(revision unknown)
  if(GIT)
    execute_process(COMMAND "${GIT}" rev-parse --show-toplevel WORKING_DIRECTORY "${SOURCE_DIR}"
                    OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                    RESULT_VARIABLE status)
    if(status EQUAL 0)
      file(REAL_PATH "${top}" top)
      file(REAL_PATH "${SOURCE_DIR}" source)
      if(top STREQUAL source)
        execute_process(COMMAND "${GIT}" describe --always --dirty
                        WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE described
                        OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
        if(status EQUAL 0 AND described)
          set(revision "${described}")
        endif()
      endif()
    endif()
  endif()
endif()
set(content "#define KPI_GIT_REVISION \"${revision}\"\n")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
