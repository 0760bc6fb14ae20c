/** The public face of Tribune: the home page for visitors and the code of conduct. */
package org.tribune.site;
