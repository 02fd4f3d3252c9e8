/*
 * fault.h - test-only fault injection at named points, as SQLite injects
 * faults: tests choose the exact moment a process dies or fails instead of
 * sleeping and hoping.
 *
 * The environment variable GRANTCHECK_FAULT names one point and when it
 * fires: "POINT" (the first time the point is reached), "POINT:N" (the Nth
 * time, counting from 1) or "POINT:N:SIG" (the Nth time, and the process
 * raises signal SIG there, e.g. 9 for SIGKILL, 15 for SIGTERM). Without SIG
 * fault_point() returns 1 at that moment so the caller can fail as if the
 * operation had failed. Unset (every real run): fault_point() returns 0.
 *
 * Points in use (grep fault_point): see each caller's comment.
 */
#ifndef GC_FAULT_H
#define GC_FAULT_H

/* Returns 1 when the fault chosen by GRANTCHECK_FAULT fires at this point
 * now (or does not return: the chosen signal is raised), else 0. The count
 * per point is kept in the caller's counter so there is no global state. */
int fault_point(const char *name, unsigned *counter);

#endif
