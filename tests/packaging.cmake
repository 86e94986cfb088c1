# Hooks and packaging: the pre-commit hook, the man page, the bash completion,
# `cmake --install` and the Debian package. Each test skips (exit 77) when the
# tool it needs is missing. Included from tests/CMakeLists.txt.
set(KH_PACKAGING_TESTS packaging_precommit_hook packaging_man_page packaging_bash_completion
                       packaging_install packaging_deb packaging_deb_install)

add_test(NAME packaging_precommit_hook
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/precommit_hook.sh
          $<TARGET_FILE:kube-harden> ${PROJECT_SOURCE_DIR})

add_test(NAME packaging_man_page
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/man_page.sh
          $<TARGET_FILE:kube-harden> ${PROJECT_SOURCE_DIR}/docs/kube-harden.1)

find_program(KH_BASH bash)
if(KH_BASH)
  add_test(NAME packaging_bash_completion
    COMMAND ${KH_BASH} ${PROJECT_SOURCE_DIR}/tests/bash_completion.sh
            $<TARGET_FILE:kube-harden> ${PROJECT_SOURCE_DIR}/docs/completion/kube-harden.bash)
else()
  add_test(NAME packaging_bash_completion COMMAND sh -c "echo 'SKIP: bash not found'; exit 77")
endif()

add_test(NAME packaging_install
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/install_layout.sh
          ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})

add_test(NAME packaging_deb
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/deb_package.sh
          ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})
# Installs into the real system, so only as root, and never alongside another
# test that could see /usr/bin/kube-harden appear.
add_test(NAME packaging_deb_install
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/deb_package.sh --install
          ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})

set_tests_properties(${KH_PACKAGING_TESTS} PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 120
  LABELS packaging)
set_tests_properties(packaging_deb_install PROPERTIES RUN_SERIAL TRUE)
