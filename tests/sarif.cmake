# Validates `kube-harden lint -f sarif` output with Microsoft's SARIF Multitool
# (schema + GitHub ingestion rules). Needs npm; skipped (exit 77) without it or
# when the tool cannot be installed. Included from tests/CMakeLists.txt.
add_test(NAME sarif_validates
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/sarif_validate.sh
          $<TARGET_FILE:kube-harden>
          ${PROJECT_BINARY_DIR}/sarif-multitool
          ${PROJECT_SOURCE_DIR})
set_tests_properties(sarif_validates PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 600
  LABELS "sarif;network")
