/**
 * Working days (工作日): which days count towards a time limit that the law states in working days
 * (行政许可法 第八十二条, 市场主体登记管理条例 第十九条, 不动产登记暂行条例 第二十条), by the
 * State Council's yearly holiday notice (法定节假日 and adjusted working days, 调休), one file per
 * year; and the deadline such a limit gives (民法典 第二百零一条, 第二百零三条: the first day is not
 * counted, the period ends at 24:00 of its last day). {@link
 * org.approvalchain.engine.calendar.WorkingDays} is the calendar; the {@code camunda} adapter makes
 * Camunda's timers and due dates understand {@code "3 working days"}. See docs/working-days.md.
 */
package org.approvalchain.engine.calendar;
