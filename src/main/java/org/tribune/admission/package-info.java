/**
 * Admission: the waiting list verified accounts join, the daily run that admits the administrators' quota in queue
 * order (donors, then invited people, then everyone by verification time), invitation links, and the hook the
 * donation feature calls when a payment is confirmed ({@link org.tribune.admission.AdmissionService#markDonor}).
 */
package org.tribune.admission;
