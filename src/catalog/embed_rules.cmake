# Writes a C++ source holding every rules/*.yaml verbatim (run by CMakeLists).
# Bytes are written as hex so no YAML text can break the generated code.
file(GLOB rule_files ${RULES_DIR}/*.yaml)
list(SORT rule_files)
set(arrays "")
set(table "")
set(index 0)
foreach(rule_file IN LISTS rule_files)
  get_filename_component(name ${rule_file} NAME)
  file(READ ${rule_file} text HEX)
  string(LENGTH "${text}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${text}")
  string(APPEND arrays "static const char kRule${index}[] = {${bytes} 0};\n")
  string(APPEND table "    {\"${name}\", std::string_view(kRule${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
set(content "// Generated from rules/*.yaml by src/catalog/embed_rules.cmake. Do not edit.
#include \"catalog/embedded_rules.h\"

namespace kube_harden {
namespace {
${arrays}
}  // namespace

std::span<const EmbeddedRuleFile> embedded_rule_files() {
  static const EmbeddedRuleFile files[] = {
${table}    {\"\", std::string_view()},
  };
  return std::span<const EmbeddedRuleFile>(files, ${index});
}

}  // namespace kube_harden
")
# Only touch the output when it changes, so unrelated rebuilds stay incremental.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT "${old}" STREQUAL "${content}")
  file(WRITE ${OUTPUT} "${content}")
endif()
