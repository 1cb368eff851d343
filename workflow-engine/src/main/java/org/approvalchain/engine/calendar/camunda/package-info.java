/** The working-day calendar's Camunda adapter: timers and due dates written in working days. */
package org.approvalchain.engine.calendar.camunda;
