/**
 * One-way follows between people: following and unfollowing, who follows whom (paged lists and counts), and the
 * public profile summary the API serves. Other features ask {@link org.tribune.follow.FollowService} (the home
 * feed for {@code followeeIds}) and react to {@link org.tribune.follow.FollowEvents}.
 */
package org.tribune.follow;
