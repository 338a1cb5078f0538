package dev.aftersales.shared;

/** Implemented by the security principal so that any module can get the {@link CurrentUser} from it. */
public interface CurrentUserSource {

    CurrentUser currentUser();
}
