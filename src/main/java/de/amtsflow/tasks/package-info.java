/**
 * REST task endpoints for clients other than Tasklist ({@code /api/tasks}): list my tasks, claim,
 * complete with a typed, validated payload per task. Features contribute the payload types as
 * {@link de.amtsflow.tasks.TaskCompletion} beans; completion runs through the engine, so the same
 * listeners (four-eyes etc.) apply as in Tasklist.
 */
package de.amtsflow.tasks;
