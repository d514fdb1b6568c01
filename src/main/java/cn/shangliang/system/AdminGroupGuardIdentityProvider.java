package cn.shangliang.system;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Camunda's database identity provider, except that {@code camunda-admin} can never become empty
 * (CVE-2026-77226: an empty admin group re-opens the Admin app's first-run setup). Removing the last
 * administrator — by deleting the user, its membership or the group — is refused.
 */
public class AdminGroupGuardIdentityProvider extends DbIdentityServiceProvider {

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    refuseIfLastAdmin(userId);
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      refuseIfLastAdmin(userId);
    }
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      throw new BadUserRequestException("The group camunda-admin cannot be deleted (系统管理员组不可删除)");
    }
    return super.deleteGroup(groupId);
  }

  private void refuseIfLastAdmin(String userId) {
    CommandContext context = getCommandContext();
    long admins = context.runWithoutAuthorization(() ->
        createUserQuery(context).memberOfGroup(Groups.CAMUNDA_ADMIN).count());
    boolean isAdmin = context.runWithoutAuthorization(() ->
        createUserQuery(context).userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0);
    if (isAdmin && admins <= 1) {
      throw new BadUserRequestException(
          "User " + userId + " is the last member of camunda-admin and cannot be removed (至少保留一名系统管理员)");
    }
  }
}
