/**
 * When the scheduled maintenance tasks run, and the database lease that keeps each on one node
 * at a time (ShedLock).
 */
package cn.gdeea.examphoto.scheduling;
