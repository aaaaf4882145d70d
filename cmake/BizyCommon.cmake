# One interface target carries the flags every Bizy target shares.
add_library(bizy_common INTERFACE)
target_compile_features(bizy_common INTERFACE cxx_std_20)
target_compile_options(bizy_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wcast-align -Woverloaded-virtual
                                             # designated initializers rely on member defaults
                                             -Wno-missing-field-initializers)
if(BIZY_WERROR)
    target_compile_options(bizy_common INTERFACE -Werror)
endif()
target_compile_definitions(bizy_common INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    BIZY_VERSION="${PROJECT_VERSION}")
if(BIZY_SANITIZE)
    target_compile_options(bizy_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
    target_link_options(bizy_common INTERFACE -fsanitize=address,undefined)
endif()
if(BIZY_SANITIZE_THREAD)
    target_compile_options(bizy_common INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(bizy_common INTERFACE -fsanitize=thread)
endif()
