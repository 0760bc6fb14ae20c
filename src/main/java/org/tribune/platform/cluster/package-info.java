/**
 * What every node must hear from the others: {@link org.tribune.platform.cluster.Broadcast} carries short messages by
 * topic over the live bus between nodes, and says when this node may have missed some (its caches are then not
 * trusted until it has resynchronised). {@link org.tribune.platform.cluster.NodeCache} is a per-node cache kept
 * coherent through it.
 */
package org.tribune.platform.cluster;
