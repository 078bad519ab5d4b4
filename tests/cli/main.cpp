#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <keyutils.h>

int main(int argc, char** argv) {
    // Keys that encrypted test databases keep go to a session keyring of the tests' own, gone
    // when they end, never to the session of whoever runs them.
    ::keyctl_join_session_keyring(nullptr);
    return doctest::Context(argc, argv).run();
}
