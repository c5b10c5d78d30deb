/** Admin-console accounts ({@code admin_user}): who may sign in and with which {@link cz.mluv.db.account.Role}. */
package cz.mluv.db.account;
