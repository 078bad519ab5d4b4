# SPDX-License-Identifier: MIT
execute_process(COMMAND mandoc -Tlint -W style ${PAGE} RESULT_VARIABLE code OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
  message(FATAL_ERROR "mandoc -Tlint found something in ${PAGE}:\n${out}${err}")
endif()
