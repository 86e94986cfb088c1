# Validates config files against docs/config.schema.json with ajv-cli (npm);
# skipped (exit 77) without npm or offline. Included from tests/CMakeLists.txt.
add_test(NAME config_schema_validates
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/config_schema.sh
          $<TARGET_FILE:kube-harden>
          ${PROJECT_BINARY_DIR}/ajv-cli
          ${PROJECT_SOURCE_DIR})
set_tests_properties(config_schema_validates PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS "config;network")
