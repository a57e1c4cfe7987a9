/**
 * Not API: classes Spark or Hadoop create by name for {@code mission-eval-spark} (its local file system). Public only
 * because they are created by reflection; they may change or move in any release, and are left out of the Javadoc.
 */
package org.missionengine.spark.internal;
