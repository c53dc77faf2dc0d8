/** The event engine: virtual time, the event queue and random streams. */
package org.aifactory.engine;
