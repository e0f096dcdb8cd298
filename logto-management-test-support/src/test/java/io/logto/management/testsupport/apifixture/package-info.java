/** Types whose API {@code ApiSnapshotTest} describes. */
@NullMarked
package io.logto.management.testsupport.apifixture;

import org.jspecify.annotations.NullMarked;
