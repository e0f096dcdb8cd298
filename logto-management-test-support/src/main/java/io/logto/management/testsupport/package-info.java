/** Test helpers the modules share: a loopback HTTP server and a Jackson introspector for comparisons. */
@NullMarked
package io.logto.management.testsupport;

import org.jspecify.annotations.NullMarked;
