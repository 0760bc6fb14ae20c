/**
 * Plumbing shared by every feature: ids, time, web rendering, errors, rate limits, signing.
 * It depends on no feature; features depend on it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tribune.platform;
