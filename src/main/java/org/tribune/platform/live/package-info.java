/**
 * Live updates over Server-Sent Events: {@link org.tribune.platform.live.LiveChannel} keeps each signed-in person's
 * open pages and pushes events to them; {@link org.tribune.platform.live.LiveBus} is where a bus between nodes plugs in.
 */
package org.tribune.platform.live;
