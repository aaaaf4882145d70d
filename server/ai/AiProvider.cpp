#include "AiProvider.h"

#include "AiSettings.h"
#include "AnthropicProvider.h"
#include "OpenAiCompatibleProvider.h"

namespace bizy::server {

std::unique_ptr<AiProvider> AiProvider::fromSettings(const AiSettings& settings) {
    switch (settings.vendor) {
    case AiSettings::Vendor::None:
        return nullptr;
    case AiSettings::Vendor::Anthropic:
        return std::make_unique<AnthropicProvider>(settings);
    case AiSettings::Vendor::OpenAiCompatible:
        return std::make_unique<OpenAiCompatibleProvider>(settings);
    }
    return nullptr;
}

} // namespace bizy::server
