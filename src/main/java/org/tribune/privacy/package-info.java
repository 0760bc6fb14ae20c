/**
 * Privacy a person can check: "what we hold on you" ({@code /settings/privacy/data}), the export of all of it, the
 * deletion of the account (frozen at once, erased after 14 days), and the privacy settings page. It reads nothing
 * of other features' tables: every feature answers through {@link org.tribune.platform.personaldata.PersonalData}.
 */
package org.tribune.privacy;
