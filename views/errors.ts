import { AppError } from '../store/index.js';

/** The closed list of codes the widgets raise. */
export type ViewErrorCode =
  | 'ERR_VIEWS_NO_SESSION'
  | 'ERR_VIEWS_FORBIDDEN'
  | 'ERR_VIEWS_STUDENT_NOT_VISIBLE'
  | 'ERR_VIEWS_BAD_INPUT'
  | 'ERR_VIEWS_UNKNOWN_WIDGET';

/** A widget request that cannot be served; the code says why. */
export class ViewError extends AppError {
  declare readonly code: ViewErrorCode;
  constructor(code: ViewErrorCode, message: string, status: number) {
    super(code, message, { status, expose: true });
  }
}

/** No launch session: the widget was opened outside an LTI launch. */
export class NoLaunchSession extends ViewError {
  constructor() {
    super('ERR_VIEWS_NO_SESSION', 'open this page from your LMS or SIS', 401);
  }
}

/** The viewer's role may not open this widget. */
export class WidgetForbidden extends ViewError {
  constructor() {
    super('ERR_VIEWS_FORBIDDEN', 'your role does not give access to this page', 403);
  }
}

/**
 * The student asked for is outside what the viewer may see. Answered as 404 so the response
 * does not confirm that the student exists.
 */
export class StudentNotVisible extends ViewError {
  constructor() {
    super('ERR_VIEWS_STUDENT_NOT_VISIBLE', 'no such student in your view', 404);
  }
}

/** A query or form field failed validation; `field` names it. */
export class BadViewInput extends ViewError {
  constructor(field: string) {
    super('ERR_VIEWS_BAD_INPUT', `the field "${field}" is not valid`, 400);
  }
}
